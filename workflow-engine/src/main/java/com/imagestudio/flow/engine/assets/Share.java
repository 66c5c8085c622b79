package com.imagestudio.flow.engine.assets;

import java.time.Instant;
import java.util.List;

/** A read-only link to a collection or to a set of assets, as its owner sees it (never its token). */
public record Share(String id, String title, String collectionId, List<String> assetIds, Instant expiresAt,
                    Instant createdAt, int views) {
}
