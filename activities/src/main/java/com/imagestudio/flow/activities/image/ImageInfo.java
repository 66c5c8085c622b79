package com.imagestudio.flow.activities.image;

/** What an image's header says, read without decoding its pixels. */
public record ImageInfo(ImageFormat format, int width, int height) {

    public long pixels() {
        return (long) width * height;
    }
}
