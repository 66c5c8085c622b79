package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.catalog.graph.PortRef;
import com.imagestudio.flow.catalog.graph.ValidatedGraph;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How an output was made: the output node and every node upstream of it, nearest first. It
 * answers the questions an asset records: which node made the content, with which provider,
 * model and prompt, and the parameters of every step.
 */
record Recipe(ValidatedGraph graph, String outputNode, List<String> steps) {

    static Recipe of(ValidatedGraph graph, String outputNode) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(outputNode));
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (seen.add(id)) {
                graph.incoming(id).values().stream().map(PortRef::node).forEach(queue::add);
            }
        }
        return new Recipe(graph, outputNode, List.copyOf(seen));
    }

    /** The node whose result the output node keeps (the first one feeding it), or the output node itself. */
    NodeSchema producer() {
        return graph.incoming(outputNode).values().stream().findFirst()
                .map(source -> graph.schema(source.node()))
                .orElse(graph.schema(outputNode));
    }

    /** Steps of this type, with their parameters. */
    List<String> stepsOfType(String type) {
        return steps.stream().filter(id -> graph.schema(id).id().equals(type)).toList();
    }

    /** The nearest step's text parameter of this name ("prompt", "model", "provider"). */
    Optional<String> nearestText(String param) {
        return steps.stream().map(id -> graph.params(id).asMap().get(param))
                .filter(v -> v instanceof String s && !s.isBlank()).map(String.class::cast).findFirst();
    }

    /** "local" when every step runs on the worker; otherwise the provider the nearest provider step names. */
    String provider() {
        return steps.stream().filter(id -> graph.schema(id).kind() == NodeKind.PROVIDER).findFirst()
                .map(id -> {
                    Object named = graph.params(id).asMap().get("provider");
                    return named instanceof String s ? s : graph.schema(id).id();
                })
                .orElse("local");
    }

    /**
     * Every step: node id to its type, version and checked parameters; a step in {@code items}
     * with the item of its list the output was made from instead of its parameters. The result
     * of a node run once per image of a folder was made from one image: the loader's parameters
     * name the whole folder, and every one of a thousand results would repeat them.
     */
    Map<String, Object> parameters(Map<String, Map<String, Object>> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String id : steps) {
            NodeSchema schema = graph.schema(id);
            Map<String, Object> item = items.get(id);
            out.put(id, item != null ? Map.of("type", schema.id(), "version", schema.version(), "item", item)
                    : Map.of("type", schema.id(), "version", schema.version(), "params", graph.params(id).asMap()));
        }
        return out;
    }
}
