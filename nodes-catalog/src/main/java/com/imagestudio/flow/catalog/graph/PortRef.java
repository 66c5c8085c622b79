package com.imagestudio.flow.catalog.graph;

/** A port of a node in a graph, written "nodeId.port". */
public record PortRef(String node, String port) {

    /** @return the reference, or null when the text is not of the form "nodeId.port" */
    public static PortRef parse(String text) {
        if (text == null) {
            return null;
        }
        int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
            return null;
        }
        return new PortRef(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return node + "." + port;
    }
}
