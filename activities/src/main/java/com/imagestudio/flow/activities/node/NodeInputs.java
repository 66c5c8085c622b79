package com.imagestudio.flow.activities.node;

import com.imagestudio.flow.activities.providers.ProgressListener;
import com.imagestudio.flow.activities.providers.ProviderClients;

import java.util.Map;
import java.util.function.Function;

/**
 * What a node receives on its input ports, read access to stored images, and what the runtime
 * lends provider nodes: the provider clients and a progress listener (a heartbeat).
 */
public final class NodeInputs {

    private final Map<String, PortValue> values;
    private final Function<String, ImageInput> images;
    private final ProviderClients providers;
    private final ProgressListener progress;

    /**
     * @param values the value on each connected input port
     * @param images opens a stored image by its hash; throws {@link BadInputException} if absent
     */
    public NodeInputs(Map<String, PortValue> values, Function<String, ImageInput> images) {
        this(values, images, ProviderClients.none(), ProgressListener.NONE);
    }

    public NodeInputs(Map<String, PortValue> values, Function<String, ImageInput> images, ProviderClients providers,
                      ProgressListener progress) {
        this.values = Map.copyOf(values);
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
        return values.containsKey(port);
    }

    public PortValue value(String port) {
        PortValue value = values.get(port);
        if (value == null) {
            throw new IllegalStateException("input port '" + port + "' has no value; validation should have caught it");
        }
        return value;
    }

    public ImageInput image(String port) {
        return images.apply(value(port).blob().hash());
    }

    /** An image in the blob store, by hash (for nodes that load what a user uploaded). */
    public ImageInput storedImage(String hash) {
        return images.apply(hash);
    }

    /** The raw bytes of a media input (image, audio, video), as stored. */
    public byte[] bytes(String port) {
        return images.apply(value(port).blob().hash()).bytes();
    }

    public String text(String port) {
        return value(port).text();
    }

    public double number(String port) {
        return value(port).number();
    }
}
