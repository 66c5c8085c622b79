package com.imagestudio.flow.engine.assets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.imagestudio.flow.engine.json.EngineJson;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The assets table and its lineage, always read through the owner. */
@Repository
class AssetRows {

    static final String COLUMNS = """
            id, type, name, logical_key, version, run_id, node_id, port, workflow_id, node_type, module, provider,
            model, prompt, parameters::text as parameters, cost, width, height, size_bytes, media_type, blob_hash,
            status, favourite, tags, auto_tags, downloads, shares, created_at""";
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {
    };
    static final RowMapper<Asset> ASSET = AssetRows::asset;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batch;
    private final Clock clock;

    AssetRows(JdbcClient jdbc, NamedParameterJdbcOperations batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Adds an asset as the next version of its logical asset (see {@link #insertAll}).
     *
     * @return its id, or empty when this output of this run was recorded already
     */
    Optional<String> insert(NewAsset a) {
        return insertAll(List.of(a)).stream().findFirst();
    }

    /**
     * Adds assets, each as the next version of its logical asset, in one round trip per table (a
     * folder's outputs are recorded together). Versions of one logical asset are numbered under a
     * transaction lock on (owner, key), so two runs finishing together do not take the same number;
     * the locks are taken in one order, so two batches never wait on each other.
     *
     * @return the ids of the assets made, in the order given; an output of a run recorded already is skipped
     */
    List<String> insertAll(List<NewAsset> assets) {
        if (assets.isEmpty()) {
            return List.of();
        }
        String[] lockKeys = assets.stream().map(a -> a.ownerId() + "/" + a.logicalKey()).distinct().sorted().toArray(String[]::new);
        jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtext(k)) from unnest(cast(:keys as text[])) with ordinality as t(k, n) order by n) locked")
                .param("keys", lockKeys).query(Long.class).single();
        Timestamp now = Timestamp.from(clock.instant());
        List<String> ids = assets.stream().map(a -> "asset-" + UUID.randomUUID()).toList();
        int[] inserted = batch.batchUpdate("""
                        insert into assets (id, owner_id, type, name, logical_key, version, run_id, node_id, port, workflow_id,
                            node_type, module, provider, model, prompt, parameters, cost, width, height, size_bytes,
                            media_type, blob_hash, tags, auto_tags, created_at)
                        values (:id, :owner, :type, :name, :key,
                            (select coalesce(max(version), 0) + 1 from assets where owner_id = :owner and logical_key = :key),
                            :run, :node, :port, :workflow, :nodeType, :module, :provider, :model, :prompt,
                            cast(:parameters as jsonb), :cost, :width, :height, :size, :mediaType, :hash,
                            cast(:tags as text[]), cast(:autoTags as text[]), :at)
                        on conflict (run_id, node_id, port) do nothing""",
                IntStream.range(0, assets.size()).mapToObj(i -> row(ids.get(i), assets.get(i), now))
                        .toArray(SqlParameterSource[]::new));
        List<String> made = new ArrayList<>();
        List<SqlParameterSource> sources = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            // 0 rows: this run's output was recorded already (a retried recording)
            if (inserted[i] != 0) {
                made.add(ids.get(i));
                for (String source : assets.get(i).sources()) {
                    sources.add(new MapSqlParameterSource("id", ids.get(i)).addValue("source", source));
                }
            }
        }
        if (!sources.isEmpty()) {
            batch.batchUpdate("insert into asset_sources (asset_id, source_id) values (:id, :source) on conflict do nothing",
                    sources.toArray(SqlParameterSource[]::new));
        }
        return made;
    }

    private static SqlParameterSource row(String id, NewAsset a, Timestamp at) {
        return new MapSqlParameterSource()
                .addValue("id", id).addValue("owner", a.ownerId()).addValue("type", a.type().name()).addValue("name", a.name())
                .addValue("key", a.logicalKey()).addValue("run", a.runId()).addValue("node", a.nodeId()).addValue("port", a.port())
                .addValue("workflow", a.workflowId()).addValue("nodeType", a.nodeType()).addValue("module", a.module())
                .addValue("provider", a.provider()).addValue("model", a.model()).addValue("prompt", a.prompt())
                .addValue("parameters", EngineJson.write(a.parameters())).addValue("cost", a.cost())
                .addValue("width", a.width(), Types.INTEGER).addValue("height", a.height(), Types.INTEGER)
                .addValue("size", a.size()).addValue("mediaType", a.mediaType()).addValue("hash", a.blobHash())
                .addValue("tags", a.tags().toArray(String[]::new)).addValue("autoTags", a.autoTags().toArray(String[]::new))
                .addValue("at", at);
    }

    Optional<Asset> find(String ownerId, String id) {
        return jdbc.sql("select " + COLUMNS + " from assets where id = :id and owner_id = :owner")
                .param("id", id).param("owner", ownerId).query(ASSET).optional();
    }

    Asset require(String ownerId, String id) {
        return find(ownerId, id).orElseThrow(() -> new AssetNotFoundException(id));
    }

    /** All of these assets, in the order asked; any id the owner does not have fails the whole call. */
    List<Asset> requireAll(String ownerId, Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("name at least one asset");
        }
        Map<String, Asset> found = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from assets where owner_id = :owner and id in (:ids)")
                .param("owner", ownerId).param("ids", ids).query(ASSET).list().forEach(a -> found.put(a.id(), a));
        return ids.stream().distinct().map(id -> {
            Asset asset = found.get(id);
            if (asset == null) {
                throw new AssetNotFoundException(id);
            }
            return asset;
        }).toList();
    }

    List<Asset> versions(String ownerId, String logicalKey) {
        return jdbc.sql("select " + COLUMNS + " from assets where owner_id = :owner and logical_key = :key order by version")
                .param("owner", ownerId).param("key", logicalKey).query(ASSET).list();
    }

    /** The owner's newest asset holding each of these bytes, by blob hash; a hash no asset holds is left out. */
    Map<String, String> latestWithBlobs(String ownerId, Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select distinct on (blob_hash) blob_hash, id from assets
                        where owner_id = :owner and blob_hash = any(cast(:hashes as text[]))
                        order by blob_hash, created_at desc, id""")
                .param("owner", ownerId).param("hashes", hashes.stream().distinct().toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getString("blob_hash"), rs.getString("id"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<String> sources(String id) {
        return jdbc.sql("select source_id from asset_sources where asset_id = :id order by source_id")
                .param("id", id).query(String.class).list();
    }

    List<String> derived(String id) {
        return jdbc.sql("select asset_id from asset_sources where source_id = :id order by asset_id")
                .param("id", id).query(String.class).list();
    }

    List<String> collectionsOf(String id) {
        return jdbc.sql("select collection_id from collection_assets where asset_id = :id order by added_at")
                .param("id", id).query(String.class).list();
    }

    void rename(String id, String name) {
        jdbc.sql("update assets set name = :name where id = :id").param("name", name).param("id", id).update();
    }

    void favourite(String id, boolean favourite) {
        jdbc.sql("update assets set favourite = :f where id = :id").param("f", favourite).param("id", id).update();
    }

    void setTags(String id, List<String> tags) {
        jdbc.sql("update assets set tags = cast(:tags as text[]) where id = :id")
                .param("tags", tags.toArray(String[]::new)).param("id", id).update();
    }

    /** Adds tags to each asset, keeping the ones it had. */
    void addTags(Collection<String> ids, List<String> tags) {
        jdbc.sql("""
                        update assets set tags = array(select distinct t from unnest(tags || cast(:tags as text[])) t order by t)
                        where id in (:ids)""")
                .param("tags", tags.toArray(String[]::new)).param("ids", ids).update();
    }

    void countDownloads(Collection<String> ids) {
        jdbc.sql("update assets set downloads = downloads + 1 where id in (:ids)").param("ids", ids).update();
    }

    void countShares(Collection<String> ids) {
        jdbc.sql("update assets set shares = shares + 1 where id in (:ids)").param("ids", ids).update();
    }

    void delete(Collection<String> ids) {
        jdbc.sql("delete from assets where id in (:ids)").param("ids", ids).update();
    }

    private static Asset asset(ResultSet rs, int row) throws SQLException {
        return new Asset(rs.getString("id"), AssetType.valueOf(rs.getString("type")), rs.getString("name"),
                rs.getString("logical_key"), rs.getInt("version"), rs.getString("run_id"), rs.getString("node_id"),
                rs.getString("port"), rs.getString("workflow_id"), rs.getString("node_type"), rs.getString("module"),
                rs.getString("provider"), rs.getString("model"), rs.getString("prompt"),
                EngineJson.read(rs.getString("parameters"), PARAMETERS), rs.getInt("cost"),
                (Integer) rs.getObject("width"), (Integer) rs.getObject("height"), rs.getLong("size_bytes"),
                rs.getString("media_type"), rs.getString("blob_hash"), rs.getString("status"), rs.getBoolean("favourite"),
                strings(rs.getArray("tags")), strings(rs.getArray("auto_tags")), rs.getInt("downloads"),
                rs.getInt("shares"), rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
