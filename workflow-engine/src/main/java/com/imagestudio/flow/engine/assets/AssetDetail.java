package com.imagestudio.flow.engine.assets;

import java.util.List;

/** One asset with its lineage (what it was made from, what was made from it) and its collections. */
public record AssetDetail(Asset asset, List<String> sources, List<String> derived, List<String> collections) {
}
