package com.imagestudio.flow.engine.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResultCache;
import com.imagestudio.flow.engine.json.EngineJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node cache in PostgreSQL, shared by every worker. Plain JDBC, not JPA: every image of a
 * folder asks it once and puts its steps once, and Hibernate's query building cost as much CPU
 * as the lookup itself.
 */
@Component
class DatabaseNodeResultCache implements NodeResultCache {

    private static final TypeReference<Map<String, PortValue>> OUTPUTS = new TypeReference<>() {
    };
    /** Two workers may finish the same node at once: the first result stays, both are equal. */
    private static final String INSERT = "insert into node_cache (cache_key, node_type, outputs, created_at) "
            + "values (?, ?, cast(? as jsonb), now()) on conflict (cache_key) do nothing";

    private final JdbcTemplate jdbc;

    DatabaseNodeResultCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Map<String, PortValue>> find(String key) {
        return Optional.ofNullable(findAll(List.of(key)).get(key));
    }

    @Override
    public void put(String key, String nodeType, Map<String, PortValue> outputs) {
        putAll(List.of(new Entry(key, nodeType, outputs)));
    }

    /** One query for a whole chain. */
    @Override
    public Map<String, Map<String, PortValue>> findAll(Collection<String> keys) {
        Map<String, Map<String, PortValue>> found = new HashMap<>();
        if (!keys.isEmpty()) {
            RowCallbackHandler collect = row -> found.put(row.getString(1), EngineJson.read(row.getString(2), OUTPUTS));
            jdbc.query("select cache_key, outputs from node_cache where cache_key = any (?)", collect,
                    (Object) keys.toArray(String[]::new));
        }
        return found;
    }

    /** One round trip for a whole chain; each entry stands on its own. */
    @Override
    public void putAll(List<Entry> results) {
        if (!results.isEmpty()) {
            jdbc.batchUpdate(INSERT, results.stream()
                    .map(e -> new Object[] {e.key(), e.nodeType(), EngineJson.write(e.outputs())}).toList());
        }
    }
}
