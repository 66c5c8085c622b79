package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.catalog.graph.ValidatedGraph;
import com.imagestudio.flow.catalog.schema.NodeFlag;

import java.util.List;

/** A validated graph reduced to what the workflow needs, nodes in an order that respects the edges. */
public record ExecutionPlan(List<PlannedNode> nodes) {

    public static ExecutionPlan of(ValidatedGraph graph) {
        return new ExecutionPlan(graph.order().stream().map(id -> {
            var schema = graph.schema(id);
            return new PlannedNode(id, schema.id(), schema.version(), schema.kind(), schema.has(NodeFlag.OUTPUT),
                    graph.params(id).asMap(), graph.incoming(id), graph.mapped(id));
        }).toList());
    }
}
