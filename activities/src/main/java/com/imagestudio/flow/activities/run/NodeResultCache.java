package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.PortValue;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Results of finished nodes by cache key (node type, version, canonical parameters, input
 * content). It makes retries idempotent and lets an interrupted or edited run redo only what
 * is missing. Implemented by the engine's database.
 */
public interface NodeResultCache {

    Optional<Map<String, PortValue>> find(String key);

    void put(String key, String nodeType, Map<String, PortValue> outputs);

    /** One finished node's result, to put. */
    record Entry(String key, String nodeType, Map<String, PortValue> outputs) {
    }

    /** The entries found among these keys, by key: a fused chain asks for all its steps at once. */
    default Map<String, Map<String, PortValue>> findAll(Collection<String> keys) {
        Map<String, Map<String, PortValue>> found = new HashMap<>();
        keys.forEach(key -> find(key).ifPresent(outputs -> found.put(key, outputs)));
        return found;
    }

    /** Puts several results at once: the steps a fused chain finished. */
    default void putAll(List<Entry> entries) {
        entries.forEach(e -> put(e.key(), e.nodeType(), e.outputs()));
    }
}
