package com.imagestudio.flow.engine.assets;

import java.io.InputStream;

/** An asset's bytes, to stream once; the caller closes the stream. */
public record AssetContent(Asset asset, InputStream stream) {
}
