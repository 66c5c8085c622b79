package com.imagestudio.flow.engine.assets;

import java.time.Instant;
import java.util.List;

/** What anyone with a share link sees: a title and the assets, without their owner or recipe. */
public record SharedBoard(String title, Instant expiresAt, List<Item> assets) {

    public record Item(String id, AssetType type, String name, String mediaType, Integer width, Integer height, long size) {

        static Item of(Asset asset) {
            return new Item(asset.id(), asset.type(), asset.name(), asset.mediaType(), asset.width(), asset.height(),
                    asset.size());
        }
    }
}
