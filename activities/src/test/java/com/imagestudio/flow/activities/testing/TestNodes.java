package com.imagestudio.flow.activities.testing;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.providers.ProgressListener;
import com.imagestudio.flow.activities.providers.ProviderClients;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Runs a node's {@code execute} the way the runtime does, over a real blob store: images are
 * stored first, and the node opens them by hash.
 */
public final class TestNodes {

    /** The pixel budget of the tests: comfortably above the 12 MP acceptance image. */
    public static final long MAX_PIXELS = 50_000_000L;

    private final BlobStore store;
    private final ImageProbe probe;

    public TestNodes(BlobStore store) {
        this.store = store;
        this.probe = new ImageProbe(MAX_PIXELS);
    }

    public BlobStore store() {
        return store;
    }

    /** Stores an image and returns its reference, with the media type its magic bytes name. */
    public BlobRef stored(byte[] bytes) {
        String mediaType = ImageFormat.sniff(bytes).map(ImageFormat::mediaType).orElse("application/octet-stream");
        try {
            return store.put(bytes, mediaType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytesOf(BlobRef ref) {
        try {
            return store.get(ref.hash()).orElseThrow(() -> new AssertionError("no blob " + ref.hash()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inputs with one image on one port. */
    public NodeInputs imageOn(String port, BlobRef image) {
        return inputs(Map.of(port, PortValue.media(PortType.IMAGE, image)));
    }

    public NodeInputs inputs(Map<String, PortValue> values) {
        return new NodeInputs(values, this::open);
    }

    /** Inputs for a provider node: values, the provider clients, and where progress goes. */
    public NodeInputs inputs(Map<String, PortValue> values, ProviderClients providers, ProgressListener progress) {
        return new NodeInputs(values, this::open, providers, progress);
    }

    /** An image on a port, as a port value. */
    public PortValue imageValue(byte[] bytes) {
        return PortValue.media(PortType.IMAGE, stored(bytes));
    }

    private ImageInput open(BlobRef ref) {
        String hash = ref.hash();
        return new ImageInput(ref, () -> {
            try {
                return store.get(hash).orElseThrow(() -> new BadInputException("no stored image has the hash " + hash));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, probe);
    }

    /** Typed parameters from raw values, checked against the node's schema as the runtime does. */
    public static <P> P params(StudioNode<P> node, Map<String, ?> raw) {
        NodeSchema.ParamCheck check = node.schema().checkParams(raw);
        if (!check.isValid()) {
            throw new AssertionError("test parameters are invalid: " + check.problems());
        }
        return node.params(check.values());
    }

    /** The decoded image a node returned on a port; the caller closes it. */
    public static Mat imageOutput(NodeOutputs outputs, String port) {
        NodeOutputs.Output output = outputs.asMap().get(port);
        if (output == null || output.image() == null) {
            throw new AssertionError("no decoded image on port '" + port + "': " + outputs.asMap());
        }
        return output.image();
    }
}
