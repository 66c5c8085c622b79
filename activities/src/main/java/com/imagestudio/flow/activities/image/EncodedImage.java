package com.imagestudio.flow.activities.image;

/** An image in a file format, with the dimensions it was written at. */
public record EncodedImage(byte[] bytes, ImageFormat format, int width, int height) {
}
