package com.imagestudio.flow.engine.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResultCache;
import com.imagestudio.flow.engine.json.EngineJson;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/** The node cache in PostgreSQL, shared by every worker. */
@Component
class DatabaseNodeResultCache implements NodeResultCache {

    private static final TypeReference<Map<String, PortValue>> OUTPUTS = new TypeReference<>() {
    };

    private final NodeCacheRepository entries;

    DatabaseNodeResultCache(NodeCacheRepository entries) {
        this.entries = entries;
    }

    @Override
    public Optional<Map<String, PortValue>> find(String key) {
        return entries.findById(key).map(e -> EngineJson.read(e.outputs(), OUTPUTS));
    }

    @Override
    public void put(String key, String nodeType, Map<String, PortValue> outputs) {
        entries.insertIfAbsent(key, nodeType, EngineJson.write(outputs));
    }
}
