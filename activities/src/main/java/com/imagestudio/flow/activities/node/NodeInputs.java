package com.imagestudio.flow.activities.node;

import java.util.Map;
import java.util.function.Function;

/** What a node receives on its input ports, and read access to stored images. */
public final class NodeInputs {

    private final Map<String, PortValue> values;
    private final Function<String, ImageInput> images;

    /**
     * @param values the value on each connected input port
     * @param images opens a stored image by its hash; throws {@link BadInputException} if absent
     */
    public NodeInputs(Map<String, PortValue> values, Function<String, ImageInput> images) {
        this.values = Map.copyOf(values);
        this.images = images;
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

    public String text(String port) {
        return value(port).text();
    }

    public double number(String port) {
        return value(port).number();
    }
}
