package com.imagestudio.flow.activities.node;

import com.imagestudio.flow.activities.image.EncodedImage;

import java.util.Objects;

/**
 * Media already in its file format, stored byte for byte under its media type: a video, a sound,
 * or an image. Width and height are 0 when they do not apply.
 */
public record EncodedMedia(byte[] bytes, String mediaType, int width, int height) {

    public EncodedMedia {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
    }

    /** Media without dimensions: an audio track, or a video whose frame size is not read. */
    public EncodedMedia(byte[] bytes, String mediaType) {
        this(bytes, mediaType, 0, 0);
    }

    public static EncodedMedia of(EncodedImage image) {
        return new EncodedMedia(image.bytes(), image.format().mediaType(), image.width(), image.height());
    }
}
