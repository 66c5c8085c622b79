package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.engine.blobs.ImageUploads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One owner's assets: read, change, upload, delete, and their versions and bytes. */
@Service
public class AssetLibrary {

    private static final int MAX_NAME = 200;

    private final AssetRows rows;
    private final BlobStore blobs;
    private final ImageUploads uploads;
    private final AutoTags autoTags;
    private final BlobSweeper sweeper;
    private final TransactionTemplate transaction;

    AssetLibrary(AssetRows rows, BlobStore blobs, ImageUploads uploads, AutoTags autoTags, BlobSweeper sweeper,
                 TransactionTemplate transaction) {
        this.rows = rows;
        this.blobs = blobs;
        this.uploads = uploads;
        this.autoTags = autoTags;
        this.sweeper = sweeper;
        this.transaction = transaction;
    }

    public AssetDetail find(String ownerId, String id) {
        Asset asset = rows.require(ownerId, id);
        return new AssetDetail(asset, rows.sources(id), rows.derived(id), rows.collectionsOf(id));
    }

    /** Every version of the logical asset this one belongs to, oldest first. */
    public List<Asset> versions(String ownerId, String id) {
        return rows.versions(ownerId, rows.require(ownerId, id).logicalKey());
    }

    public AssetDetail update(String ownerId, String id, AssetUpdate update) {
        transaction.executeWithoutResult(tx -> {
            rows.require(ownerId, id);
            if (update.name() != null) {
                rows.rename(id, checkedName(update.name()));
            }
            if (update.favourite() != null) {
                rows.favourite(id, update.favourite());
            }
            if (update.tags() != null) {
                rows.setTags(id, Tags.normalised(update.tags()));
            }
        });
        return find(ownerId, id);
    }

    /**
     * An image the user sends in: checked before it is stored (magic bytes, dimensions, pixel
     * budget), tagged, and kept as version 1 of a logical asset of its own.
     */
    public AssetDetail upload(String ownerId, byte[] bytes, String name, List<String> tags) {
        BlobRef blob = uploads.store(bytes);
        List<String> manual = Tags.normalised(tags);
        List<String> automatic = autoTags.of(bytes);
        String id = transaction.execute(tx -> rows.insert(new NewAsset(ownerId, AssetType.IMAGE, checkedName(name),
                "upload:" + UUID.randomUUID(), null, null, null, null, null, "Upload", null, null, null, Map.of(), 0,
                blob.width(), blob.height(), blob.size(), blob.mediaType(), blob.hash(), manual, automatic, List.of()))
                .orElseThrow());
        return find(ownerId, id);
    }

    /** The bytes of an asset; counts a download. */
    public AssetContent content(String ownerId, String id) {
        Asset asset = rows.require(ownerId, id);
        InputStream stream = open(asset);
        rows.countDownloads(List.of(id));
        return new AssetContent(asset, stream);
    }

    /**
     * Deletes the assets (all or none: an id the owner does not have fails the call), then the
     * blobs that no asset and no run refers to any more.
     */
    public void delete(String ownerId, List<String> ids) {
        List<Asset> deleted = transaction.execute(tx -> {
            List<Asset> assets = rows.requireAll(ownerId, ids);
            rows.delete(assets.stream().map(Asset::id).toList());
            return assets;
        });
        sweeper.sweep(deleted.stream().map(Asset::blobHash).toList());
    }

    /** Adds manual tags to each of the assets. */
    public void tag(String ownerId, List<String> ids, List<String> tags) {
        List<String> normalised = Tags.normalised(tags);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("name at least one tag");
        }
        transaction.executeWithoutResult(tx ->
                rows.addTags(rows.requireAll(ownerId, ids).stream().map(Asset::id).toList(), normalised));
    }

    InputStream open(Asset asset) {
        try {
            return blobs.open(asset.blobHash()).orElseThrow(() -> new IllegalStateException(
                    "the bytes of asset " + asset.id() + " (" + asset.blobHash() + ") are missing from the blob store"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset " + asset.id(), e);
        }
    }

    private static String checkedName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new IllegalArgumentException("an asset's name is 1 to " + MAX_NAME + " characters");
        }
        return trimmed;
    }
}
