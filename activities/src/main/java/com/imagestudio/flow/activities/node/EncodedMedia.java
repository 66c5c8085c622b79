package com.imagestudio.flow.activities.node;

/** A file that is not an image (a video, an audio track), with its media type. */
public record EncodedMedia(byte[] bytes, String mediaType) {
}
