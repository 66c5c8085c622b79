package com.imagestudio.flow.catalog.schema;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every known node type, by id and version. Immutable. */
public final class NodeCatalog {

    private final Map<String, Map<Integer, NodeDefinition>> byIdAndVersion;

    private NodeCatalog(Collection<? extends NodeDefinition> definitions) {
        Map<String, Map<Integer, NodeDefinition>> map = new TreeMap<>();
        for (NodeDefinition definition : definitions) {
            NodeSchema schema = definition.schema();
            NodeDefinition previous = map.computeIfAbsent(schema.id(), id -> new TreeMap<>())
                    .putIfAbsent(schema.version(), definition);
            if (previous != null) {
                throw new IllegalStateException("two definitions of node " + schema.id() + " v" + schema.version()
                        + ": " + previous.getClass().getName() + " and " + definition.getClass().getName());
            }
        }
        this.byIdAndVersion = map;
    }

    public static NodeCatalog of(Collection<? extends NodeDefinition> definitions) {
        return new NodeCatalog(definitions);
    }

    /** The nodes registered on the class path (see {@link NodeDefinition}). */
    public static NodeCatalog discover() {
        return new NodeCatalog(ServiceLoader.load(NodeDefinition.class).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public Optional<NodeDefinition> find(String id, int version) {
        return Optional.ofNullable(byIdAndVersion.getOrDefault(id, Map.of()).get(version));
    }

    public Optional<NodeDefinition> latest(String id) {
        Map<Integer, NodeDefinition> versions = byIdAndVersion.get(id);
        return versions == null ? Optional.empty()
                : versions.values().stream().max(Comparator.comparingInt(d -> d.schema().version()));
    }

    public boolean knows(String id) {
        return byIdAndVersion.containsKey(id);
    }

    public List<Integer> versions(String id) {
        return List.copyOf(byIdAndVersion.getOrDefault(id, Map.of()).keySet());
    }

    /** Every schema, sorted by id then version. */
    public List<NodeSchema> schemas() {
        return byIdAndVersion.values().stream().flatMap(v -> v.values().stream())
                .map(NodeDefinition::schema).toList();
    }

    /** Definitions of one implementation type, keyed "Id@version"; for runtimes that execute nodes. */
    public <T extends NodeDefinition> Map<String, T> definitionsOf(Class<T> type) {
        return byIdAndVersion.values().stream().flatMap(v -> v.values().stream())
                .filter(type::isInstance).map(type::cast)
                .collect(Collectors.toMap(d -> key(d.schema().id(), d.schema().version()), Function.identity()));
    }

    public static String key(String id, int version) {
        return id + "@" + version;
    }
}
