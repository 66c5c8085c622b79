package com.imagestudio.flow.engine.assets;

import java.time.Duration;
import java.util.List;

/** What to share: a collection, or a set of assets (exactly one of the two), for how long. */
public record ShareRequest(String collectionId, List<String> assetIds, String title, Duration expiresIn) {

    static final Duration LONGEST = Duration.ofDays(365);

    public ShareRequest {
        boolean collection = collectionId != null;
        boolean set = assetIds != null && !assetIds.isEmpty();
        if (collection == set) {
            throw new IllegalArgumentException("share either a collection or a list of assets");
        }
        if (expiresIn == null || expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a share link expires after 1 hour to 365 days");
        }
        if (title != null && title.length() > 120) {
            throw new IllegalArgumentException("a share's title is at most 120 characters");
        }
    }
}
