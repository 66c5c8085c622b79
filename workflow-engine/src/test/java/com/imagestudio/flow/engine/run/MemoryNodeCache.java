package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResultCache;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The node cache in memory, for a node runtime without the database. */
public final class MemoryNodeCache implements NodeResultCache {

    private final Map<String, Map<String, PortValue>> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Map<String, PortValue>> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, String nodeType, Map<String, PortValue> outputs) {
        entries.putIfAbsent(key, outputs);
    }
}
