package com.imagestudio.flow.engine.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResultCache;
import com.imagestudio.flow.engine.json.EngineJson;
import org.springframework.beans.factory.annotation.Autowired;
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
 * <p>
 * Entries belong to an owner: a run sees only those its owner's runs made ({@link #forRun}), so
 * another user's identical run is computed anew rather than told it is cached. Used outside any
 * run, it keeps to entries of no owner.
 */
@Component
class DatabaseNodeResultCache implements NodeResultCache {

    private static final TypeReference<Map<String, PortValue>> OUTPUTS = new TypeReference<>() {
    };
    private static final String NO_OWNER = "";
    /** Two workers may finish the same node at once: the first result stays, both are equal. */
    private static final String INSERT = "insert into node_cache (owner_id, cache_key, node_type, outputs, created_at) "
            + "values (?, ?, ?, cast(? as jsonb), now()) on conflict (owner_id, cache_key) do nothing";

    private final JdbcTemplate jdbc;
    private final String ownerId;

    @Autowired
    DatabaseNodeResultCache(JdbcTemplate jdbc) {
        this(jdbc, NO_OWNER);
    }

    private DatabaseNodeResultCache(JdbcTemplate jdbc, String ownerId) {
        this.jdbc = jdbc;
        this.ownerId = ownerId;
    }

    /** The entries of the run's owner; a run not recorded (none should be) sees only its own. */
    @Override
    public NodeResultCache forRun(String runId) {
        List<String> owner = jdbc.queryForList("select owner_id from runs where id = ?", String.class, runId);
        return new DatabaseNodeResultCache(jdbc, owner.isEmpty() ? "run:" + runId : owner.get(0));
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
            jdbc.query("select cache_key, outputs from node_cache where owner_id = ? and cache_key = any (?)", collect,
                    ownerId, keys.toArray(String[]::new));
        }
        return found;
    }

    /** One round trip for a whole chain; each entry stands on its own. */
    @Override
    public void putAll(List<Entry> results) {
        if (!results.isEmpty()) {
            jdbc.batchUpdate(INSERT, results.stream()
                    .map(e -> new Object[] {ownerId, e.key(), e.nodeType(), EngineJson.write(e.outputs())}).toList());
        }
    }
}
