package com.imagestudio.flow.activities.node;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.providers.ProgressListener;
import com.imagestudio.flow.activities.providers.ProviderClients;
import com.imagestudio.flow.catalog.schema.PortType;

import java.util.Map;
import java.util.function.Function;

/**
 * What a node receives on its input ports, read access to stored images, and what the runtime
 * lends provider nodes: the provider clients and a progress listener (a heartbeat). In a fused
 * chain an image port may hold an image handed over decoded by the node before; a node sees no
 * difference (asking for its value stores it).
 */
public final class NodeInputs {

    /** An image handed over decoded on a port of the given type. */
    public record Decoded(PortType type, ImageInput image) {
    }

    private final Map<String, PortValue> values;
    private final Map<String, Decoded> decoded;
    private final Function<BlobRef, ImageInput> images;
    private final ProviderClients providers;
    private final ProgressListener progress;

    /**
     * @param values the value on each connected input port
     * @param images opens a stored image by its reference (see {@link ImageInput#stored}); throws
     *               {@link BadInputException} if absent
     */
    public NodeInputs(Map<String, PortValue> values, Function<BlobRef, ImageInput> images) {
        this(values, images, ProviderClients.none(), ProgressListener.NONE);
    }

    public NodeInputs(Map<String, PortValue> values, Function<BlobRef, ImageInput> images, ProviderClients providers,
                      ProgressListener progress) {
        this(values, Map.of(), images, providers, progress);
    }

    /** @param decoded images handed over decoded, on ports that {@code values} leaves out */
    public NodeInputs(Map<String, PortValue> values, Map<String, Decoded> decoded, Function<BlobRef, ImageInput> images,
                      ProviderClients providers, ProgressListener progress) {
        this.values = Map.copyOf(values);
        this.decoded = Map.copyOf(decoded);
        this.images = images;
        this.providers = providers;
        this.progress = progress;
    }

    /** The provider clients of this worker (only configured providers can be used). */
    public ProviderClients providers() {
        return providers;
    }

    /** Where a long job reports that it is still alive. */
    public ProgressListener progress() {
        return progress;
    }

    public boolean has(String port) {
        return values.containsKey(port) || decoded.containsKey(port);
    }

    public PortValue value(String port) {
        Decoded handed = decoded.get(port);
        if (handed != null) {
            return PortValue.media(handed.type(), handed.image().checkedRef());
        }
        PortValue value = values.get(port);
        if (value == null) {
            throw new IllegalStateException("input port '" + port + "' has no value; validation should have caught it");
        }
        return value;
    }

    public ImageInput image(String port) {
        Decoded handed = decoded.get(port);
        return handed != null ? handed.image() : images.apply(value(port).blob());
    }

    /** An image in the blob store, by hash (for nodes that load what a user uploaded). */
    public ImageInput storedImage(String hash) {
        return images.apply(BlobRef.byHash(hash));
    }

    /** The raw bytes of a media input (image, audio, video), as stored. */
    public byte[] bytes(String port) {
        return image(port).bytes();
    }

    public String text(String port) {
        return value(port).text();
    }

    public double number(String port) {
        return value(port).number();
    }
}
