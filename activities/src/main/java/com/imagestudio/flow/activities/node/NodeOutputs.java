package com.imagestudio.flow.activities.node;

import com.imagestudio.flow.activities.image.EncodedImage;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a node produced, per output port. The runtime stores images in the blob store: a decoded
 * image losslessly (and closes it), an encoded one byte for byte, a passed-through blob as is.
 */
public final class NodeOutputs {

    /**
     * One port's result: exactly one field is set. {@code images} fills an IMAGE_LIST port (each
     * stored as it is); {@code media} is a file that is not an image (video, audio).
     */
    public record Output(Mat image, EncodedImage encoded, PortValue value, List<EncodedImage> images,
                         EncodedMedia media) {
    }

    private final Map<String, Output> outputs = new LinkedHashMap<>();

    public static NodeOutputs create() {
        return new NodeOutputs();
    }

    /** A decoded image; ownership passes to the runtime, which closes it. */
    public NodeOutputs image(String port, Mat image) {
        outputs.put(port, new Output(image, null, null, null, null));
        return this;
    }

    public NodeOutputs encoded(String port, EncodedImage encoded) {
        outputs.put(port, new Output(null, encoded, null, null, null));
        return this;
    }

    /** A value as it is: a blob passed through untouched, a text, a number. */
    public NodeOutputs value(String port, PortValue value) {
        outputs.put(port, new Output(null, null, value, null, null));
        return this;
    }

    /** Encoded images for an IMAGE_LIST port, stored in order. */
    public NodeOutputs encodedList(String port, List<EncodedImage> images) {
        outputs.put(port, new Output(null, null, null, List.copyOf(images), null));
        return this;
    }

    /** A video or audio file, stored byte for byte. */
    public NodeOutputs media(String port, EncodedMedia media) {
        outputs.put(port, new Output(null, null, null, null, media));
        return this;
    }

    public Map<String, Output> asMap() {
        return outputs;
    }
}
