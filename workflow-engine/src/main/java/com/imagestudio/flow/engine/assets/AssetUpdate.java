package com.imagestudio.flow.engine.assets;

import java.util.List;

/** A change to one asset; null fields stay as they are. {@code tags} replaces the manual tags. */
public record AssetUpdate(String name, Boolean favourite, List<String> tags) {
}
