package com.imagestudio.flow.activities.node;

import com.imagestudio.flow.activities.blob.BlobHead;
import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.image.ImageProbe;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * An image given to a node, decoded only when and as far as the node asks: a node that needs a
 * small result decodes a large JPEG at a fraction of its size. In a fused chain the node before
 * may hand its result over already decoded: then decoding is a copy, and the image is encoded
 * and stored only if a node asks for its bytes or its reference.
 */
public final class ImageInput {

    private final Supplier<BlobRef> ref;
    private final Supplier<byte[]> bytes;
    /** The start of the stored file, when checking it need not read all of it; else null. */
    private final Supplier<BlobHead> head;
    private final ImageProbe probe;
    private final Mat decoded;
    private byte[] loaded;
    private BlobHead start;
    private ImageInfo info;

    public ImageInput(BlobRef ref, Supplier<byte[]> bytes, ImageProbe probe) {
        this(() -> ref, bytes, null, probe, null);
    }

    private ImageInput(Supplier<BlobRef> ref, Supplier<byte[]> bytes, Supplier<BlobHead> head, ImageProbe probe, Mat decoded) {
        this.ref = ref;
        this.bytes = bytes;
        this.head = head;
        this.probe = probe;
        this.decoded = decoded;
    }

    /**
     * A stored image that is checked from the start of its file ({@code head}): a node that only
     * checks it (a loader over a folder of photos) never reads the rest; one that decodes it
     * reads the whole file once. A reference that gives a readable format, a size and dimensions
     * is one the studio made when it checked or wrote the image: its header is taken from it,
     * and only the pixel budget is checked again.
     */
    public static ImageInput stored(BlobRef ref, Supplier<BlobHead> head, Supplier<byte[]> bytes, ImageProbe probe) {
        return new ImageInput(() -> ref, bytes, head, probe, null);
    }

    /**
     * An image handed over decoded; it stays owned by the caller.
     *
     * @param stored stores the image (losslessly, as {@link ImageFormat#PNG}) and answers its reference
     * @param bytes  the stored bytes
     */
    public static ImageInput decoded(Mat image, Supplier<BlobRef> stored, Supplier<byte[]> bytes) {
        return new ImageInput(stored, bytes, null, null, image);
    }

    public BlobRef ref() {
        return ref.get();
    }

    /** Format and dimensions from the header, checked against the pixel budget. */
    public ImageInfo info() {
        if (info == null) {
            info = decoded != null ? new ImageInfo(ImageFormat.PNG, decoded.cols(), decoded.rows())
                    : loaded == null && head != null ? fromReference().orElseGet(this::probeFromStart)
                    : probe.probe(bytes());
        }
        return info;
    }

    /** The header a reference of the studio's gives, if it is one (see {@link #stored}). */
    private Optional<ImageInfo> fromReference() {
        BlobRef known = ref();
        if (known.size() <= 0 || known.width() <= 0 || known.height() <= 0) {
            return Optional.empty();
        }
        return ImageFormat.ofMediaType(known.mediaType()).filter(ImageFormat::readable)
                .map(format -> probe.known(format, known.width(), known.height()));
    }

    /** The header from the file's first bytes, or from all of them when it goes on past those. */
    private ImageInfo probeFromStart() {
        start = head.get();
        if (start.whole()) {
            loaded = start.bytes();
            return probe.probe(loaded);
        }
        return probe.probeStart(start.bytes()).orElseGet(() -> probe.probe(bytes()));
    }

    /** The reference completed from the checked header: media type, size and dimensions. */
    public BlobRef checkedRef() {
        ImageInfo header = info();
        // a stored image neither loaded nor probed from its start was checked from its reference
        long size = loaded != null ? loaded.length : start != null ? start.size()
                : decoded == null && head != null ? ref().size() : bytes().length;
        return new BlobRef(ref().hash(), header.format().mediaType(), size, header.width(), header.height());
    }

    /** The whole image; the caller closes it. */
    public Mat decode() {
        if (decoded != null) {
            return decoded.clone();
        }
        // the bytes first: the header is then probed from them, not read on its own
        byte[] all = bytes();
        return ImageCodec.decode(all, info().format(), 1);
    }

    /**
     * The whole image, for a node that only reads it: an image handed over decoded is shared,
     * not copied, so the caller must not write to it; the caller closes it.
     */
    public Mat decodeToRead() {
        return decoded != null ? new Mat(decoded) : decode();
    }

    /**
     * The image at no less than the given size (it may be larger: the caller still resizes);
     * the caller closes it.
     */
    public Mat decodeAtLeast(int minWidth, int minHeight) {
        if (decoded != null) {
            return decoded.clone();
        }
        byte[] all = bytes();
        ImageInfo header = info();
        int reduction = 1;
        for (int candidate : new int[] {8, 4, 2}) {
            if (header.width() / candidate >= minWidth && header.height() / candidate >= minHeight) {
                reduction = candidate;
                break;
            }
        }
        return ImageCodec.decode(all, header.format(), reduction);
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
