package com.imagestudio.flow.catalog.graph;

/** Connects an output to an input, each written "nodeId.port". */
public record Edge(String from, String to) {

    public PortRef source() {
        return PortRef.parse(from);
    }

    public PortRef target() {
        return PortRef.parse(to);
    }
}
