package com.imagestudio.flow.engine.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResultCache;
import com.imagestudio.flow.engine.json.EngineJson;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The node cache in PostgreSQL, shared by every worker. */
@Component
class DatabaseNodeResultCache implements NodeResultCache {

    private static final TypeReference<Map<String, PortValue>> OUTPUTS = new TypeReference<>() {
    };

    private final NodeCacheRepository entries;
    private final TransactionTemplate transaction;

    DatabaseNodeResultCache(NodeCacheRepository entries, TransactionTemplate transaction) {
        this.entries = entries;
        this.transaction = transaction;
    }

    @Override
    public Optional<Map<String, PortValue>> find(String key) {
        return entries.findById(key).map(e -> EngineJson.read(e.outputs(), OUTPUTS));
    }

    @Override
    public void put(String key, String nodeType, Map<String, PortValue> outputs) {
        entries.insertIfAbsent(key, nodeType, EngineJson.write(outputs));
    }

    /** One query for a whole chain. */
    @Override
    public Map<String, Map<String, PortValue>> findAll(Collection<String> keys) {
        Map<String, Map<String, PortValue>> found = new HashMap<>();
        entries.findAllById(keys).forEach(e -> found.put(e.cacheKey(), EngineJson.read(e.outputs(), OUTPUTS)));
        return found;
    }

    /** One transaction for a whole chain. */
    @Override
    public void putAll(List<Entry> results) {
        if (!results.isEmpty()) {
            transaction.executeWithoutResult(tx -> results.forEach(e -> put(e.key(), e.nodeType(), e.outputs())));
        }
    }
}
