package com.imagestudio.flow.catalog.graph;

import java.util.Map;

/**
 * One node placed in a graph. {@code version} may be left out when drawing a graph: validation
 * pins it to the latest, and the pinned graph is what a run records.
 */
public record GraphNode(String id, String type, Integer version, Map<String, Object> params) {

    public GraphNode {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    GraphNode pinned(int pinnedVersion) {
        return new GraphNode(id, type, pinnedVersion, params);
    }
}
