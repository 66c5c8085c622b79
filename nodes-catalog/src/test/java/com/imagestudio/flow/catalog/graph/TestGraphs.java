package com.imagestudio.flow.catalog.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fluent way to draw a graph in a test, in the shape the editor sends it. */
public final class TestGraphs {

    private final List<GraphNode> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<GraphInput> inputs = new ArrayList<>();

    private TestGraphs() {
    }

    public static TestGraphs graph() {
        return new TestGraphs();
    }

    /** Source -> Blur -> Save, valid as it is. */
    public static TestGraphs sourceBlurSave() {
        return graph()
                .node("src", "Source")
                .node("blur", "Blur")
                .node("save", "Save")
                .edge("src.image", "blur.image")
                .edge("blur.image", "save.image");
    }

    public TestGraphs node(String id, String type) {
        return node(id, type, null, Map.of());
    }

    public TestGraphs node(String id, String type, Map<String, Object> params) {
        return node(id, type, null, params);
    }

    public TestGraphs node(String id, String type, Integer version, Map<String, Object> params) {
        nodes.add(new GraphNode(id, type, version, params));
        return this;
    }

    public TestGraphs edge(String from, String to) {
        edges.add(new Edge(from, to));
        return this;
    }

    public TestGraphs input(String name, String node, String param) {
        inputs.add(new GraphInput(name, node, param, ""));
        return this;
    }

    public Graph build() {
        return new Graph(nodes, edges, inputs);
    }
}
