package com.imagestudio.flow.engine.blobs;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.image.ImageProbe;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Images people send in: checked at the door (format by magic bytes, dimensions, pixel budget)
 * so that nothing unreadable is ever stored, then kept in the blob store.
 */
@Service
public class ImageUploads {

    private final BlobStore blobs;
    private final ImageProbe probe;

    ImageUploads(BlobStore blobs, ImageProbe probe) {
        this.blobs = blobs;
        this.probe = probe;
    }

    /** @throws com.imagestudio.flow.activities.node.BadInputException when the bytes are not an acceptable image */
    public BlobRef store(byte[] bytes) {
        ImageInfo info = probe.probe(bytes);
        try {
            return blobs.put(bytes, info.format().mediaType()).withDimensions(info.width(), info.height());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
    }
}
