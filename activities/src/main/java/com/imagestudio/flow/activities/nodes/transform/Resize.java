package com.imagestudio.flow.activities.nodes.transform;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.ImageInfo;
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
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** Resizes to a box: fit inside it, fill (cover) it and crop the centre, or stretch to it. */
@AutoService(NodeDefinition.class)
public final class Resize implements StudioNode<Resize.Params> {

    public record Params(int width, int height, FitMode mode) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("Resize", 1)
            .displayName("Resize")
            .category("Transform")
            .description("Resize an image to a width and height: fit inside, fill and crop (cover), or stretch.")
            .aliases("scale", "thumbnail", "cover", "contain")
            .input(Port.required("image", PortType.IMAGE, "The image to resize"))
            .output(Port.required("image", PortType.IMAGE, "The resized image"))
            .param(ParamSpec.integer("width", "Width of the box in pixels").between(1, 16383).withDefault(1080))
            .param(ParamSpec.integer("height", "Height of the box in pixels").between(1, 16383).withDefault(1080))
            .param(ParamSpec.choice("mode", "How the image meets the box", FitMode.class).withDefault(FitMode.FILL))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.integer("width"), values.integer("height"), values.choice("mode", FitMode.class));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        ImageInput input = inputs.image("image");
        ImageInfo info = input.info();
        Plan plan = Plan.of(info.width(), info.height(), params);
        try (Mat source = input.decodeAtLeast(plan.scaledWidth(), plan.scaledHeight())) {
            Mat scaled = new Mat();
            boolean shrinking = plan.scaledWidth() <= source.cols() && plan.scaledHeight() <= source.rows();
            resize(source, scaled, new Size(plan.scaledWidth(), plan.scaledHeight()), 0, 0,
                    shrinking ? INTER_AREA : INTER_LANCZOS4);
            if (plan.scaledWidth() == plan.outWidth() && plan.scaledHeight() == plan.outHeight()) {
                return NodeOutputs.create().image("image", scaled);
            }
            try (scaled) {
                int x = (plan.scaledWidth() - plan.outWidth()) / 2;
                int y = (plan.scaledHeight() - plan.outHeight()) / 2;
                try (Mat view = new Mat(scaled, new Rect(x, y, plan.outWidth(), plan.outHeight()))) {
                    return NodeOutputs.create().image("image", view.clone());
                }
            }
        }
    }

    /** The size to scale to, and the size of the result (smaller when the overflow is cropped). */
    record Plan(int scaledWidth, int scaledHeight, int outWidth, int outHeight) {

        static Plan of(int width, int height, Params params) {
            double sx = (double) params.width() / width;
            double sy = (double) params.height() / height;
            return switch (params.mode()) {
                case EXACT -> new Plan(params.width(), params.height(), params.width(), params.height());
                case FIT -> {
                    double s = Math.min(sx, sy);
                    int w = clamp(Math.round(width * s), params.width());
                    int h = clamp(Math.round(height * s), params.height());
                    yield new Plan(w, h, w, h);
                }
                case FILL -> {
                    double s = Math.max(sx, sy);
                    int w = Math.max(params.width(), (int) Math.round(width * s));
                    int h = Math.max(params.height(), (int) Math.round(height * s));
                    yield new Plan(w, h, params.width(), params.height());
                }
            };
        }

        private static int clamp(long size, int box) {
            return (int) Math.max(1, Math.min(size, box));
        }
    }
}
