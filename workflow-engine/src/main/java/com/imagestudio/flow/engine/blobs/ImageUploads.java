package com.imagestudio.flow.engine.blobs;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.image.ImageProbe;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Images people send in: checked at the door (format by magic bytes, dimensions, pixel budget)
 * so that nothing unreadable is ever stored, then kept in the blob store.
 */
@Service
public class ImageUploads {

    private final BlobStore blobs;
    private final ImageProbe probe;
    private final BlobGrants grants;

    ImageUploads(BlobStore blobs, ImageProbe probe, BlobGrants grants) {
        this.blobs = blobs;
        this.probe = probe;
        this.grants = grants;
    }

    /**
     * Stores the image and grants it to its uploader (the same bytes sent by another user are
     * theirs too).
     *
     * @throws com.imagestudio.flow.activities.node.BadInputException when the bytes are not an acceptable image
     */
    public BlobRef store(String ownerId, byte[] bytes) {
        ImageInfo info = probe.probe(bytes);
        BlobRef ref;
        try {
            ref = blobs.put(bytes, info.format().mediaType()).withDimensions(info.width(), info.height());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload", e);
        }
        grants.grant(ownerId, List.of(ref.hash()));
        return ref;
    }
}
