package com.imagestudio.flow.activities.image;

/** How to write an image: format, quality 1-100 (JPEG, WebP and AVIF), progressive scan (JPEG). */
public record EncodeSettings(ImageFormat format, int quality, boolean progressive) {

    /** Lossless and fast: how intermediate results between nodes are kept. */
    public static final EncodeSettings INTERMEDIATE = new EncodeSettings(ImageFormat.PNG, 100, false);

    public EncodeSettings {
        if (format != ImageFormat.JPEG && format != ImageFormat.PNG && format != ImageFormat.WEBP
                && format != ImageFormat.AVIF) {
            throw new IllegalArgumentException("cannot encode " + format + ": choose JPEG, PNG, WebP or AVIF");
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1 to 100, got " + quality);
        }
    }
}
