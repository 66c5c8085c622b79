package com.imagestudio.flow.engine.assets;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Collections: create, rename, delete (the assets stay), and which assets are in them. */
@Service
public class AssetCollections {

    private static final int MAX_NAME = 120;
    private static final RowMapper<AssetCollection> COLLECTION = (rs, i) -> new AssetCollection(rs.getString("id"),
            rs.getString("name"), rs.getInt("assets"), rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;
    private final AssetRows assets;
    private final Clock clock;

    AssetCollections(JdbcClient jdbc, AssetRows assets, Clock clock) {
        this.jdbc = jdbc;
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional
    public AssetCollection create(String ownerId, String name) {
        String id = "collection-" + UUID.randomUUID();
        jdbc.sql("insert into collections (id, owner_id, name, created_at) values (:id, :owner, :name, :at)")
                .param("id", id).param("owner", ownerId).param("name", checkedName(name))
                .param("at", Timestamp.from(clock.instant())).update();
        return find(ownerId, id);
    }

    public List<AssetCollection> list(String ownerId) {
        return jdbc.sql(select() + " where c.owner_id = :owner group by c.id order by c.created_at, c.id")
                .param("owner", ownerId).query(COLLECTION).list();
    }

    public AssetCollection find(String ownerId, String id) {
        return jdbc.sql(select() + " where c.owner_id = :owner and c.id = :id group by c.id")
                .param("owner", ownerId).param("id", id).query(COLLECTION).optional()
                .orElseThrow(() -> new CollectionNotFoundException(id));
    }

    @Transactional
    public AssetCollection rename(String ownerId, String id, String name) {
        find(ownerId, id);
        jdbc.sql("update collections set name = :name where id = :id").param("name", checkedName(name)).param("id", id).update();
        return find(ownerId, id);
    }

    /** Deletes the collection; its assets stay in the library. */
    @Transactional
    public void delete(String ownerId, String id) {
        find(ownerId, id);
        jdbc.sql("delete from collections where id = :id").param("id", id).update();
    }

    @Transactional
    public AssetCollection add(String ownerId, String id, List<String> assetIds) {
        find(ownerId, id);
        for (Asset asset : assets.requireAll(ownerId, assetIds)) {
            jdbc.sql("""
                            insert into collection_assets (collection_id, asset_id, added_at) values (:c, :a, :at)
                            on conflict do nothing""")
                    .param("c", id).param("a", asset.id()).param("at", Timestamp.from(clock.instant())).update();
        }
        return find(ownerId, id);
    }

    @Transactional
    public AssetCollection remove(String ownerId, String id, String assetId) {
        find(ownerId, id);
        assets.require(ownerId, assetId);
        jdbc.sql("delete from collection_assets where collection_id = :c and asset_id = :a")
                .param("c", id).param("a", assetId).update();
        return find(ownerId, id);
    }

    /** Moves the assets into this collection: out of every other collection of the owner's, into this one. */
    @Transactional
    public AssetCollection move(String ownerId, List<String> assetIds, String id) {
        find(ownerId, id);
        List<String> ids = assets.requireAll(ownerId, assetIds).stream().map(Asset::id).toList();
        jdbc.sql("delete from collection_assets where asset_id in (:ids) and collection_id <> :c")
                .param("ids", ids).param("c", id).update();
        return add(ownerId, id, ids);
    }

    private static String select() {
        return """
                select c.id, c.name, count(ca.asset_id)::int as assets, c.created_at
                from collections c left join collection_assets ca on ca.collection_id = c.id""";
    }

    private static String checkedName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new IllegalArgumentException("a collection's name is 1 to " + MAX_NAME + " characters");
        }
        return trimmed;
    }
}
