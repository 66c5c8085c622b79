package com.imagestudio.flow.activities.testing;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResultCache;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The node cache as a map, standing in for the engine's database. */
public final class InMemoryNodeResultCache implements NodeResultCache {

    private final Map<String, Map<String, PortValue>> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Map<String, PortValue>> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, String nodeType, Map<String, PortValue> outputs) {
        entries.put(key, Map.copyOf(outputs));
    }

    public int size() {
        return entries.size();
    }
}
