package com.imagestudio.flow.catalog.graph;

import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamValues;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A graph that passed validation: versions pinned, parameters checked (run inputs bound when
 * given), edges resolved per input port, an order in which every node follows its inputs, and the
 * nodes that are mapped: fed a list on an image input, they run once per item of it.
 */
public record ValidatedGraph(
        Graph graph,
        Map<String, NodeSchema> schemas,
        Map<String, ParamValues> params,
        Map<String, Map<String, PortRef>> incoming,
        List<String> order,
        Set<String> mappedNodes) {

    public NodeSchema schema(String nodeId) {
        return schemas.get(nodeId);
    }

    public ParamValues params(String nodeId) {
        return params.get(nodeId);
    }

    /** Input port name to the output that feeds it. */
    public Map<String, PortRef> incoming(String nodeId) {
        return incoming.getOrDefault(nodeId, Map.of());
    }

    /** Whether the node runs once per image of the list it is fed, its image outputs gathered into lists. */
    public boolean mapped(String nodeId) {
        return mappedNodes.contains(nodeId);
    }
}
