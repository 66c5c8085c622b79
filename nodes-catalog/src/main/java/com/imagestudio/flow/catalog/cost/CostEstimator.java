package com.imagestudio.flow.catalog.cost;

import com.imagestudio.flow.catalog.graph.ValidatedGraph;

import java.util.List;

/** Credits a graph will cost, per node and in total, from each node's cost function. */
public final class CostEstimator {

    private CostEstimator() {
    }

    public static CostEstimate estimate(ValidatedGraph graph) {
        List<CostEstimate.NodeCost> nodes = graph.order().stream().map(id -> {
            var schema = graph.schema(id);
            return new CostEstimate.NodeCost(id, schema.id(), schema.cost().credits(graph.params(id)));
        }).toList();
        return new CostEstimate(nodes, nodes.stream().mapToInt(CostEstimate.NodeCost::credits).sum());
    }
}
