package com.imagestudio.flow.activities.node;

import com.imagestudio.flow.activities.image.EncodedImage;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a node produced, per output port. The runtime stores images in the blob store: a decoded
 * image losslessly (and closes it), an encoded one byte for byte, other media (a video) byte for
 * byte under its media type, a passed-through blob as is.
 */
public final class NodeOutputs {

    /** One port's result: exactly one field is set. */
    public record Output(Mat image, EncodedImage encoded, EncodedMedia media, PortValue value, List<Mat> images,
                         List<EncodedImage> encodedImages) {

        /** Every decoded image this result holds, for the runtime to close. */
        public List<Mat> mats() {
            if (image != null) {
                return List.of(image);
            }
            return images != null ? images : List.of();
        }
    }

    private final Map<String, Output> outputs = new LinkedHashMap<>();

    public static NodeOutputs create() {
        return new NodeOutputs();
    }

    /** A decoded image; ownership passes to the runtime, which closes it. */
    public NodeOutputs image(String port, Mat image) {
        outputs.put(port, new Output(image, null, null, null, null, null));
        return this;
    }

    public NodeOutputs encoded(String port, EncodedImage encoded) {
        outputs.put(port, new Output(null, encoded, null, null, null, null));
        return this;
    }

    /** Media in its file format (a video for a VIDEO port), stored as it is. */
    public NodeOutputs media(String port, EncodedMedia media) {
        outputs.put(port, new Output(null, null, media, null, null, null));
        return this;
    }

    /** A value as it is: a blob passed through untouched, a text, a number. */
    public NodeOutputs value(String port, PortValue value) {
        outputs.put(port, new Output(null, null, null, value, null, null));
        return this;
    }

    /** Decoded images in order, for an {@code IMAGE_LIST} port; ownership passes to the runtime. */
    public NodeOutputs images(String port, List<Mat> images) {
        outputs.put(port, new Output(null, null, null, null, List.copyOf(images), null));
        return this;
    }

    /** Images already encoded (a provider's results), for an {@code IMAGE_LIST} port, stored in order. */
    public NodeOutputs encodedList(String port, List<EncodedImage> images) {
        outputs.put(port, new Output(null, null, null, null, null, List.copyOf(images)));
        return this;
    }

    public Map<String, Output> asMap() {
        return outputs;
    }
}
