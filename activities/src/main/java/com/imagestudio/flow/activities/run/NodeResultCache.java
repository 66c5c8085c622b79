package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.PortValue;

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
}
