package com.imagestudio.flow.activities.blob;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What travels between nodes instead of bytes: the SHA-256 of the content, its media type and
 * size, and for images their dimensions (0 when unknown or not an image).
 */
public record BlobRef(String hash, String mediaType, long size, int width, int height) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public BlobRef {
        Objects.requireNonNull(hash, "hash");
        if (!isHash(hash)) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + hash);
        }
        Objects.requireNonNull(mediaType, "mediaType");
    }

    /** A blob known by its hash alone: its media type, size and dimensions are not known yet. */
    public static BlobRef byHash(String hash) {
        return new BlobRef(hash, "application/octet-stream", 0, 0, 0);
    }

    public static boolean isHash(String text) {
        return text != null && SHA256_HEX.matcher(text).matches();
    }

    public BlobRef withDimensions(int width, int height) {
        return new BlobRef(hash, mediaType, size, width, height);
    }
}
