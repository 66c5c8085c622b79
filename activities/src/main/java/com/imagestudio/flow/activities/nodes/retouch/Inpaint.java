package com.imagestudio.flow.activities.nodes.retouch;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.Channels;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_photo.inpaint;

/**
 * Removes what a mask covers (a scratch, a logo, a passer-by) by filling it from its
 * surroundings with OpenCV's inpainting. Mask pixels above half-grey are filled, so a feathered
 * mask does not smear its faint edge; transparency is filled the same way as colour.
 */
@AutoService(NodeDefinition.class)
public final class Inpaint implements StudioNode<Inpaint.Params> {

    public record Params(InpaintMethod method, int radius) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("Inpaint", 1)
            .displayName("Inpaint (remove object)")
            .category("Retouch")
            .description("Fill the masked area from its surroundings: remove scratches, text, logos or small objects.")
            .aliases("remove object", "heal", "erase", "object removal", "retouch", "clone")
            .input(Port.required("image", PortType.IMAGE, "The image to repair"))
            .input(Port.required("mask", PortType.MASK, "White where the image should be filled in"))
            .output(Port.required("image", PortType.IMAGE, "The repaired image"))
            .param(ParamSpec.choice("method", "How the hole is filled", InpaintMethod.class).withDefault(InpaintMethod.TELEA))
            .param(ParamSpec.integer("radius", "How far around each filled pixel to look, in pixels")
                    .between(1, 50).withDefault(5))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("method", InpaintMethod.class), values.integer("radius"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        try (Mat image = inputs.image("image").decode();
             Mat given = inputs.image("mask").decode();
             Mat mask = Channels.maskOf(given, image.size())) {
            threshold(mask, mask, 127, 255, THRESH_BINARY);
            if (countNonZero(mask) == 0) {
                throw new BadInputException("the mask is empty: nothing is white, so there is nothing to fill in");
            }
            return NodeOutputs.create().image("image", fill(image, mask, params));
        }
    }

    /** OpenCV inpaints one or three channels: the alpha of a BGRA image is filled on its own. */
    private static Mat fill(Mat image, Mat mask, Params params) {
        Mat out = new Mat();
        if (image.channels() != 4) {
            inpaint(image, mask, out, params.radius(), params.method().flag());
            return out;
        }
        try (Mat bgr = Channels.bgr(image); Mat alpha = new Mat(); Mat filledBgr = new Mat(); Mat filledAlpha = new Mat()) {
            extractChannel(image, alpha, 3);
            inpaint(bgr, mask, filledBgr, params.radius(), params.method().flag());
            inpaint(alpha, mask, filledAlpha, params.radius(), params.method().flag());
            cvtColor(filledBgr, out, COLOR_BGR2BGRA);
            insertChannel(filledAlpha, out, 3);
            return out;
        }
    }
}
