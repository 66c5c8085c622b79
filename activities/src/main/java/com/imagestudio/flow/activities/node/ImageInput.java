package com.imagestudio.flow.activities.node;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.image.ImageProbe;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.function.Supplier;

/**
 * An image given to a node, decoded only when and as far as the node asks: a node that needs a
 * small result decodes a large JPEG at a fraction of its size.
 */
public final class ImageInput {

    private final BlobRef ref;
    private final Supplier<byte[]> bytes;
    private final ImageProbe probe;
    private byte[] loaded;
    private ImageInfo info;

    public ImageInput(BlobRef ref, Supplier<byte[]> bytes, ImageProbe probe) {
        this.ref = ref;
        this.bytes = bytes;
        this.probe = probe;
    }

    public BlobRef ref() {
        return ref;
    }

    /** Format and dimensions from the header, checked against the pixel budget. */
    public ImageInfo info() {
        if (info == null) {
            info = probe.probe(bytes());
        }
        return info;
    }

    /** The reference completed from the checked header: media type, size and dimensions. */
    public BlobRef checkedRef() {
        ImageInfo header = info();
        return new BlobRef(ref.hash(), header.format().mediaType(), bytes().length, header.width(), header.height());
    }

    /** The whole image; the caller closes it. */
    public Mat decode() {
        return ImageCodec.decode(bytes(), info().format(), 1);
    }

    /**
     * The image at no less than the given size (it may be larger: the caller still resizes);
     * the caller closes it.
     */
    public Mat decodeAtLeast(int minWidth, int minHeight) {
        ImageInfo header = info();
        int reduction = 1;
        for (int candidate : new int[] {8, 4, 2}) {
            if (header.width() / candidate >= minWidth && header.height() / candidate >= minHeight) {
                reduction = candidate;
                break;
            }
        }
        return ImageCodec.decode(bytes(), header.format(), reduction);
    }

    /**
     * The stored bytes as they are, unchecked: for nodes that send the original file on (to a
     * provider) instead of decoding it; also serves audio and video blobs.
     */
    public byte[] bytes() {
        if (loaded == null) {
            loaded = bytes.get();
        }
        return loaded;
    }
}
