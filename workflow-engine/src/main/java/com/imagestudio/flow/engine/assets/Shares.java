package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Shareable boards: a read-only link to a collection (its assets as they are when opened) or to
 * a fixed set of assets, until it expires. The token is 32 random bytes shown once; only its
 * SHA-256 is kept. Opening a board counts a view; making one counts a share on each asset.
 */
@Service
public class Shares {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "isb_";

    private final JdbcClient jdbc;
    private final AssetRows assets;
    private final AssetCollections collections;
    private final AssetLibrary library;
    private final Clock clock;

    Shares(JdbcClient jdbc, AssetRows assets, AssetCollections collections, AssetLibrary library, Clock clock) {
        this.jdbc = jdbc;
        this.assets = assets;
        this.collections = collections;
        this.library = library;
        this.clock = clock;
    }

    @Transactional
    public CreatedShare create(String ownerId, ShareRequest request) {
        List<String> assetIds = request.collectionId() != null
                ? collectionAssets(ownerId, request.collectionId())
                : assets.requireAll(ownerId, request.assetIds()).stream().map(Asset::id).toList();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String id = "share-" + UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into shares (id, owner_id, token_hash, title, collection_id, expires_at, created_at)
                        values (:id, :owner, :hash, :title, :collection, :expires, :at)""")
                .param("id", id).param("owner", ownerId).param("hash", hash(token)).param("title", request.title())
                .param("collection", request.collectionId())
                .param("expires", Timestamp.from(now.plus(request.expiresIn()))).param("at", Timestamp.from(now))
                .update();
        if (request.collectionId() == null) {
            assetIds.forEach(asset -> jdbc.sql("insert into share_assets (share_id, asset_id) values (:s, :a)")
                    .param("s", id).param("a", asset).update());
        }
        if (!assetIds.isEmpty()) {
            assets.countShares(assetIds);
        }
        return new CreatedShare(find(ownerId, id), token);
    }

    public List<Share> list(String ownerId) {
        return jdbc.sql(select() + " where owner_id = :owner order by created_at desc, id")
                .param("owner", ownerId).query(share()).list();
    }

    /** Ends a link at once. */
    @Transactional
    public void revoke(String ownerId, String id) {
        if (jdbc.sql("delete from shares where id = :id and owner_id = :owner").param("id", id).param("owner", ownerId)
                .update() == 0) {
            throw new ShareNotFoundException(id);
        }
    }

    /** The board behind a token, for anyone who has it; counts a view. */
    @Transactional
    public SharedBoard open(String token) {
        Link link = live(token);
        jdbc.sql("update shares set views = views + 1 where id = :id").param("id", link.share().id()).update();
        List<SharedBoard.Item> items = boardAssets(link).stream().map(SharedBoard.Item::of).toList();
        return new SharedBoard(link.share().title(), link.share().expiresAt(), items);
    }

    /** One asset of a board, for anyone who has its token; counts a download. */
    @Transactional
    public AssetContent content(String token, String assetId) {
        Link link = live(token);
        Asset asset = boardAssets(link).stream().filter(a -> a.id().equals(assetId)).findFirst()
                .orElseThrow(() -> new AssetNotFoundException(assetId));
        assets.countDownloads(List.of(assetId));
        return new AssetContent(asset, library.open(asset));
    }

    private Share find(String ownerId, String id) {
        return jdbc.sql(select() + " where id = :id and owner_id = :owner").param("id", id).param("owner", ownerId)
                .query(share()).optional().orElseThrow(() -> new ShareNotFoundException(id));
    }

    private Link live(String token) {
        Link link = token == null || !token.startsWith(PREFIX) ? null
                : jdbc.sql(select() + " where token_hash = :hash").param("hash", hash(token))
                .query((rs, i) -> new Link(share().mapRow(rs, i), rs.getString("owner_id"))).optional().orElse(null);
        if (link == null) {
            throw new ShareNotFoundException("for this link");
        }
        if (!link.share().expiresAt().isAfter(clock.instant())) {
            throw new ShareExpiredException(link.share().expiresAt());
        }
        return link;
    }

    private List<Asset> boardAssets(Link link) {
        List<String> ids = link.share().collectionId() != null
                ? collectionAssets(link.ownerId(), link.share().collectionId())
                : link.share().assetIds();
        return ids.isEmpty() ? List.of() : assets.requireAll(link.ownerId(), ids);
    }

    private List<String> collectionAssets(String ownerId, String collectionId) {
        collections.find(ownerId, collectionId);
        return jdbc.sql("select asset_id from collection_assets where collection_id = :c order by added_at, asset_id")
                .param("c", collectionId).query(String.class).list();
    }

    private static String select() {
        return """
                select id, owner_id, title, collection_id, expires_at, created_at, views,
                       array(select asset_id from share_assets sa where sa.share_id = shares.id order by asset_id) as asset_ids
                from shares""";
    }

    private static RowMapper<Share> share() {
        return (rs, i) -> new Share(rs.getString("id"), rs.getString("title"), rs.getString("collection_id"),
                List.of((String[]) rs.getArray("asset_ids").getArray()), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("views"));
    }

    private static String hash(String token) {
        return FileSystemBlobStore.sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    private record Link(Share share, String ownerId) {
    }
}
