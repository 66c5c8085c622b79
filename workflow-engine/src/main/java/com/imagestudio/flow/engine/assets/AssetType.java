package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.catalog.schema.PortType;

import java.util.Optional;

/** What an asset holds. */
public enum AssetType {
    IMAGE, VIDEO, AUDIO, TEXT;

    /** The kind of asset a value on a port of this type becomes; numbers and references become none. */
    static Optional<AssetType> of(PortType port) {
        return switch (port) {
            case IMAGE, MASK, IMAGE_LIST -> Optional.of(IMAGE);
            case VIDEO -> Optional.of(VIDEO);
            case AUDIO -> Optional.of(AUDIO);
            case TEXT -> Optional.of(TEXT);
            default -> Optional.empty();
        };
    }
}
