package com.imagestudio.flow.activities.nodes.transform;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.image.PixelBudget;
import com.imagestudio.flow.activities.node.ImageInput;
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
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Enlarges an image 2x or 4x with Lanczos interpolation, then restores edge contrast with an
 * unsharp mask whose radius follows the factor. A classic upscaler: it invents no detail (a
 * super-resolution model would), it only keeps edges from going soft. Results beyond the pixel
 * budget are refused before anything is decoded.
 */
@AutoService(NodeDefinition.class)
public final class Upscale implements StudioNode<Upscale.Params> {

    public record Params(UpscaleFactor factor, double sharpen) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("Upscale", 1)
            .displayName("Upscale")
            .category("Transform")
            .description("Enlarge 2x or 4x (Lanczos) and sharpen the edges. Up to "
                    + PixelBudget.MAX_SIDE + " pixels a side and " + PixelBudget.MAX_PIXELS / 1_000_000 + " MP.")
            .aliases("enlarge", "super resolution", "upsample", "increase resolution", "enhance", "2x", "4x")
            .input(Port.required("image", PortType.IMAGE, "The image to enlarge"))
            .output(Port.required("image", PortType.IMAGE, "The enlarged image"))
            .param(ParamSpec.choice("factor", "How much larger", UpscaleFactor.class).withDefault(UpscaleFactor.X2))
            .param(ParamSpec.number("sharpen", "Unsharp-mask strength: 0 is plain Lanczos, 1 is strong")
                    .between(0, 2).withDefault(0.6))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("factor", UpscaleFactor.class), values.number("sharpen"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        ImageInput input = inputs.image("image");
        ImageInfo info = input.info();
        int factor = params.factor().factor();
        PixelBudget.checkResult((long) info.width() * factor, (long) info.height() * factor, "upscaling " + factor + "x");
        try (Mat image = input.decode()) {
            Mat enlarged = new Mat();
            resize(image, enlarged, new Size(image.cols() * factor, image.rows() * factor), 0, 0, INTER_LANCZOS4);
            if (params.sharpen() > 0) {
                sharpen(enlarged, params.sharpen(), 0.6 * factor);
            }
            return NodeOutputs.create().image("image", enlarged);
        }
    }

    /** Unsharp mask in place: image + amount * (image - blurred); alpha is left as it was. */
    private static void sharpen(Mat image, double amount, double sigma) {
        try (Mat blurred = new Mat(); Mat alpha = new Mat()) {
            if (image.channels() == 4) {
                extractChannel(image, alpha, 3);
            }
            GaussianBlur(image, blurred, new Size(0, 0), sigma);
            addWeighted(image, 1 + amount, blurred, -amount, 0, image);
            if (image.channels() == 4) {
                insertChannel(alpha, image, 3);
            }
        }
    }
}
