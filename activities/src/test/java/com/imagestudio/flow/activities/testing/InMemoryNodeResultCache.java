package com.imagestudio.flow.activities.testing;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResultCache;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The node cache as a map, standing in for the engine's database; it counts the round trips the database would make. */
public final class InMemoryNodeResultCache implements NodeResultCache {

    private final Map<String, Map<String, PortValue>> entries = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger puts = new AtomicInteger();

    @Override
    public Optional<Map<String, PortValue>> find(String key) {
        return Optional.ofNullable(findAll(List.of(key)).get(key));
    }

    @Override
    public void put(String key, String nodeType, Map<String, PortValue> outputs) {
        putAll(List.of(new Entry(key, nodeType, outputs)));
    }

    @Override
    public Map<String, Map<String, PortValue>> findAll(Collection<String> keys) {
        lookups.incrementAndGet();
        Map<String, Map<String, PortValue>> found = new HashMap<>();
        keys.forEach(key -> Optional.ofNullable(entries.get(key)).ifPresent(outputs -> found.put(key, outputs)));
        return found;
    }

    @Override
    public void putAll(List<Entry> results) {
        if (!results.isEmpty()) {
            puts.incrementAndGet();
            results.forEach(e -> entries.put(e.key(), Map.copyOf(e.outputs())));
        }
    }

    public int size() {
        return entries.size();
    }

    /** How many times it was asked (for one key or several). */
    public int lookups() {
        return lookups.get();
    }

    /** How many times it was given results (one or several). */
    public int puts() {
        return puts.get();
    }
}
