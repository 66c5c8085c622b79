package com.imagestudio.flow.web.assets;

import java.util.List;

/** Bodies of the asset calls. */
final class AssetRequests {

    private AssetRequests() {
    }

    record Ids(List<String> ids) {
    }

    record Tagging(List<String> ids, List<String> tags) {
    }

    record Move(List<String> ids, String collectionId) {
    }

    record Name(String name) {
    }

    record NewShare(String collectionId, List<String> assetIds, String title, Integer expiresInHours) {
    }
}
