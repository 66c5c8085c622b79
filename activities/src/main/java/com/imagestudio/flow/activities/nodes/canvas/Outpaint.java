package com.imagestudio.flow.activities.nodes.canvas;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.Channels;
import com.imagestudio.flow.activities.image.Colors;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.image.PixelBudget;
import com.imagestudio.flow.activities.node.BadInputException;
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
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_photo.INPAINT_TELEA;
import static org.bytedeco.opencv.global.opencv_photo.inpaint;

/**
 * Extends the canvas around an image, by pixels per side or to an aspect ratio (centred), and
 * fills the new area by mirroring the edges, a blurred stretch of the image, a colour or
 * inpainting. The original pixels are never changed: they sit unaltered inside the result.
 */
@AutoService(NodeDefinition.class)
public final class Outpaint implements StudioNode<Outpaint.Params> {

    /** Long side of the small copies the blurred and inpainted fills are made at. */
    private static final int BLUR_SIDE = 64;
    private static final int INPAINT_SIDE = 512;

    public record Params(int top, int bottom, int left, int right, CanvasAspect aspect, OutpaintFill fill, String color) {
    }

    /** Pixels added on each side. */
    record Margins(int top, int bottom, int left, int right) {

        static Margins of(int width, int height, Params params) {
            if (params.aspect() == CanvasAspect.NONE) {
                return new Margins(params.top(), params.bottom(), params.left(), params.right());
            }
            if (params.top() + params.bottom() + params.left() + params.right() > 0) {
                throw new BadInputException("give either pixels per side or an aspect ratio, not both");
            }
            long wide = (long) width * params.aspect().height();
            long tall = (long) height * params.aspect().width();
            if (wide < tall) {
                int extra = (int) Math.round((double) tall / params.aspect().height()) - width;
                return new Margins(0, 0, extra / 2, extra - extra / 2);
            }
            int extra = (int) Math.round((double) wide / params.aspect().width()) - height;
            return new Margins(extra / 2, extra - extra / 2, 0, 0);
        }

        boolean none() {
            return top == 0 && bottom == 0 && left == 0 && right == 0;
        }
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("Outpaint", 1)
            .displayName("Extend canvas (outpaint)")
            .category("Transform")
            .description("Add space around an image, per side or to an aspect ratio, filled by mirroring, "
                    + "a blurred stretch, a colour or inpainting. The original pixels are kept as they are.")
            .aliases("extend", "expand", "canvas", "pad", "letterbox", "uncrop", "border", "aspect ratio")
            .input(Port.required("image", PortType.IMAGE, "The image to extend"))
            .output(Port.required("image", PortType.IMAGE, "The extended image"))
            .param(side("top"))
            .param(side("bottom"))
            .param(side("left"))
            .param(side("right"))
            .param(ParamSpec.choice("aspect", "Extend to this ratio instead (centred; leave the sides at 0)", CanvasAspect.class)
                    .withDefault(CanvasAspect.NONE))
            .param(ParamSpec.choice("fill", "What fills the new area", OutpaintFill.class).withDefault(OutpaintFill.REFLECT))
            .param(ParamSpec.color("color", "Colour of the new area for the solid fill (#rrggbbaa for transparency)")
                    .withDefault("#ffffff"))
            .build();

    private static ParamSpec side(String name) {
        return ParamSpec.integer(name, "Pixels added on the " + name).between(0, PixelBudget.MAX_SIDE).withDefault(0);
    }

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.integer("top"), values.integer("bottom"), values.integer("left"), values.integer("right"),
                values.choice("aspect", CanvasAspect.class), values.choice("fill", OutpaintFill.class), values.string("color"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        ImageInput input = inputs.image("image");
        ImageInfo info = input.info();
        Margins margins = Margins.of(info.width(), info.height(), params);
        PixelBudget.checkResult((long) info.width() + margins.left() + margins.right(),
                (long) info.height() + margins.top() + margins.bottom(), "extending the canvas");
        try (Mat image = input.decode()) {
            if (margins.none()) {
                return NodeOutputs.create().image("image", image.clone());
            }
            Mat canvas = switch (params.fill()) {
                case REFLECT -> border(image, margins, BORDER_REFLECT, new Scalar());
                case COLOR -> solid(image, margins, Colors.bgra(params.color()));
                case BLUR -> blurredStretch(image, margins);
                case INPAINT -> inpainted(image, margins);
            };
            return NodeOutputs.create().image("image", canvas);
        }
    }

    private static Mat border(Mat image, Margins m, int type, Scalar value) {
        Mat out = new Mat();
        copyMakeBorder(image, out, m.top(), m.bottom(), m.left(), m.right(), type, value);
        return out;
    }

    /** A colour with alpha below 255 makes the image BGRA so the margin can be transparent. */
    private static Mat solid(Mat image, Margins m, Scalar colour) {
        if (colour.get(3) < 255 && image.channels() == 3) {
            try (Mat bgra = new Mat()) {
                cvtColor(image, bgra, COLOR_BGR2BGRA);
                return border(bgra, m, BORDER_CONSTANT, colour);
            }
        }
        return border(image, m, BORDER_CONSTANT, image.channels() == 1 ? new Scalar((colour.get(0) + colour.get(1) + colour.get(2)) / 3) : colour);
    }

    /** The image stretched to the canvas at a tiny size and blown up (the blur), with the original on top. */
    private static Mat blurredStretch(Mat image, Margins m) {
        Size canvas = canvasSize(image, m);
        Mat out = new Mat();
        try (Mat tiny = new Mat()) {
            resize(image, tiny, smallSize(canvas, BLUR_SIDE), 0, 0, INTER_AREA);
            GaussianBlur(tiny, tiny, new Size(0, 0), 1.5);
            resize(tiny, out, canvas, 0, 0, INTER_CUBIC);
        }
        pasteOriginal(image, out, m);
        return out;
    }

    /**
     * Inpainting of the new area on a copy of at most {@value #INPAINT_SIDE} pixels (the fill is
     * smooth, so the small copy loses nothing and keeps the work bounded), blown up under the original.
     */
    private static Mat inpainted(Mat image, Margins m) {
        Size canvas = canvasSize(image, m);
        Size small = smallSize(canvas, INPAINT_SIDE);
        Mat out = new Mat();
        try (Mat bgr = Channels.bgr(image); Mat extended = border(bgr, m, BORDER_REPLICATE, new Scalar());
             Mat newArea = new Mat(canvas.height(), canvas.width(), CV_8UC1, new Scalar(255));
             Mat shrunk = new Mat(); Mat shrunkMask = new Mat(); Mat filled = new Mat()) {
            try (Mat original = new Mat(newArea, new Rect(m.left(), m.top(), image.cols(), image.rows()))) {
                original.put(new Scalar(0));
            }
            resize(extended, shrunk, small, 0, 0, INTER_AREA);
            resize(newArea, shrunkMask, small, 0, 0, INTER_NEAREST);
            inpaint(shrunk, shrunkMask, filled, 5, INPAINT_TELEA);
            resize(filled, out, canvas, 0, 0, INTER_CUBIC);
            if (image.channels() == 4) {
                try (Mat alpha = new Mat(); Mat extendedAlpha = new Mat()) {
                    extractChannel(image, alpha, 3);
                    copyMakeBorder(alpha, extendedAlpha, m.top(), m.bottom(), m.left(), m.right(), BORDER_REPLICATE);
                    cvtColor(out, out, COLOR_BGR2BGRA);
                    insertChannel(extendedAlpha, out, 3);
                }
            }
        }
        if (image.channels() == 1) {
            try (Mat gray = Channels.gray(out)) {
                gray.copyTo(out);
            }
        }
        pasteOriginal(image, out, m);
        return out;
    }

    private static Size canvasSize(Mat image, Margins m) {
        return new Size(image.cols() + m.left() + m.right(), image.rows() + m.top() + m.bottom());
    }

    private static Size smallSize(Size canvas, int longSide) {
        double scale = Math.min(1.0, (double) longSide / Math.max(canvas.width(), canvas.height()));
        return new Size(Math.max(1, (int) Math.round(canvas.width() * scale)), Math.max(1, (int) Math.round(canvas.height() * scale)));
    }

    private static void pasteOriginal(Mat image, Mat canvas, Margins m) {
        try (Mat target = new Mat(canvas, new Rect(m.left(), m.top(), image.cols(), image.rows()))) {
            image.copyTo(target);
        }
    }
}
