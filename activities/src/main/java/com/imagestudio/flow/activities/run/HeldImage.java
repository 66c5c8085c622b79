package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.image.EncodeSettings;
import com.imagestudio.flow.activities.image.EncodedImage;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.node.EncodedMedia;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.Optional;
import java.util.function.Function;

/**
 * A decoded image one step of a fused chain hands the next in memory, instead of the lossless
 * intermediate the runtime would otherwise encode and store. It is encoded and stored only if
 * the next node asks for its bytes or its reference, and then exactly as that intermediate.
 */
final class HeldImage implements AutoCloseable {

    private final Mat image;
    private final PortType type;
    private final Function<EncodedMedia, BlobRef> store;
    private EncodedImage encoded;
    private BlobRef stored;
    private boolean closed;

    /** @param store puts media in the blob store */
    HeldImage(Mat image, PortType type, Function<EncodedMedia, BlobRef> store) {
        this.image = image;
        this.type = type;
        this.store = store;
    }

    NodeInputs.Decoded asInput() {
        return new NodeInputs.Decoded(type, ImageInput.decoded(image, this::store, this::bytes));
    }

    /** Stores it, if no node had it stored yet. */
    void keep() {
        store();
    }

    /** Its value, if it was stored. */
    Optional<PortValue> storedValue() {
        return Optional.ofNullable(stored).map(ref -> PortValue.media(type, ref));
    }

    private byte[] bytes() {
        if (encoded == null) {
            encoded = ImageCodec.encode(image, EncodeSettings.INTERMEDIATE);
        }
        return encoded.bytes();
    }

    private BlobRef store() {
        if (stored == null) {
            bytes();
            stored = store.apply(EncodedMedia.of(encoded));
        }
        return stored;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            image.close();
        }
    }
}
