package com.imagestudio.flow.engine.assets;

import java.util.List;

/** One page of a search, and how many assets match in all. */
public record AssetPage(List<Asset> items, long total, int limit, int offset) {
}
