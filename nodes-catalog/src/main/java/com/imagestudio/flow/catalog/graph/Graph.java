package com.imagestudio.flow.catalog.graph;

import java.util.List;

/**
 * A workflow as the user drew it: nodes, the edges between their ports, and the named inputs
 * that are bound to node parameters when a run starts.
 */
public record Graph(List<GraphNode> nodes, List<Edge> edges, List<GraphInput> inputs) {

    public Graph {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }
}
