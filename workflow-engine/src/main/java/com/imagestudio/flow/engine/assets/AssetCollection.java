package com.imagestudio.flow.engine.assets;

import java.time.Instant;

/** A named group of one owner's assets; an asset may be in several. */
public record AssetCollection(String id, String name, int assets, Instant createdAt) {
}
