package com.imagestudio.flow.activities.nodes.background;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.Channels;
import com.imagestudio.flow.activities.image.ImageInfo;
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
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.min;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_FGD;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_INIT_WITH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_PR_FGD;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.grabCut;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Cuts the subject out of its background with OpenCV's GrabCut, started from a rectangle inset
 * from the edges: what lies outside it is background, what lies inside is learnt. GrabCut's cost
 * grows with the pixel count (12 s at 1200x900), so it runs on a copy whose long side is
 * {@value #WORKING_SIDE} pixels; its mask is scaled back to full size and feathered, and becomes
 * the alpha of the result. The full image is decoded once (the result is full size) and the copy
 * shrunk from it, which costs less than a second, reduced decode.
 */
@AutoService(NodeDefinition.class)
public final class RemoveBackground implements StudioNode<RemoveBackground.Params> {

    /** Long side of the copy GrabCut works on: about 1.4 s at 600x450. */
    static final int WORKING_SIDE = 600;
    private static final int MIN_SIDE = 16;

    public record Params(double margin, int iterations, double feather) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("RemoveBackground", 1)
            .displayName("Remove background")
            .category("Retouch")
            .description("Cut the subject out: the background becomes transparent (PNG with alpha). Works best "
                    + "on a subject that stands apart from a plain background and stays inside the margin.")
            .aliases("cutout", "background removal", "transparent", "grabcut", "matte", "isolate")
            .input(Port.required("image", PortType.IMAGE, "The photo to cut out"))
            .output(Port.required("image", PortType.IMAGE, "The subject on a transparent background"))
            .output(Port.required("mask", PortType.MASK, "The subject's mask: white subject, black background"))
            .param(ParamSpec.number("margin", "Border taken as certain background, in percent of each side")
                    .between(1, 40).withDefault(5))
            .param(ParamSpec.integer("iterations", "GrabCut rounds: more can separate similar colours better, slower")
                    .between(1, 10).withDefault(5))
            .param(ParamSpec.number("feather", "Softness of the cut edge in pixels of the result (0 = hard edge)")
                    .between(0, 20).withDefault(1.5))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.number("margin"), values.integer("iterations"), values.number("feather"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        ImageInput input = inputs.image("image");
        ImageInfo info = input.info();
        if (info.width() < MIN_SIDE || info.height() < MIN_SIDE) {
            throw new BadInputException("the image is " + info.width() + "x" + info.height()
                    + "; removing a background needs at least " + MIN_SIDE + " pixels a side");
        }
        try (Mat image = input.decode(); Mat small = subjectMask(image, workingSize(info.width(), info.height()), params)) {
            Mat alpha = new Mat();
            resize(small, alpha, image.size(), 0, 0, INTER_LINEAR);
            if (params.feather() > 0) {
                GaussianBlur(alpha, alpha, new Size(0, 0), params.feather());
            }
            return NodeOutputs.create()
                    .image("image", withAlpha(image, alpha))
                    .image("mask", alpha);
        }
    }

    /** The working size: the long side at most {@value #WORKING_SIDE}, the aspect ratio kept. */
    static Size workingSize(int width, int height) {
        double scale = Math.min(1.0, (double) WORKING_SIDE / Math.max(width, height));
        return new Size(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
    }

    /** GrabCut on the reduced image: 255 where the subject is, 0 elsewhere. */
    private static Mat subjectMask(Mat image, Size working, Params params) {
        try (Mat shrunk = new Mat();
             Mat labels = new Mat();
             Mat background = new Mat();
             Mat foreground = new Mat();
             Mat foregroundLabels = foregroundLookup()) {
            resize(image, shrunk, working, 0, 0, INTER_AREA);
            int dx = Math.max(1, (int) Math.round(working.width() * params.margin() / 100));
            int dy = Math.max(1, (int) Math.round(working.height() * params.margin() / 100));
            Rect subject = new Rect(dx, dy, working.width() - 2 * dx, working.height() - 2 * dy);
            try (Mat small = Channels.bgr(shrunk)) {
                grabCut(small, labels, subject, background, foreground, params.iterations(), GC_INIT_WITH_RECT);
            }
            Mat mask = new Mat();
            LUT(labels, foregroundLabels, mask);
            return mask;
        }
    }

    /** Maps GrabCut's labels to a mask: certain and probable foreground to 255, the rest to 0. */
    private static Mat foregroundLookup() {
        Mat table = new Mat(1, 256, CV_8UC1);
        byte[] values = new byte[256];
        values[GC_FGD] = (byte) 255;
        values[GC_PR_FGD] = (byte) 255;
        table.data().put(values);
        return table;
    }

    /** The image as BGRA whose alpha is the mask (and no more opaque than it already was). */
    private static Mat withAlpha(Mat image, Mat mask) {
        try (Mat bgr = Channels.bgr(image); Mat alpha = new Mat(); MatVector planes = new MatVector()) {
            if (image.channels() == 4) {
                extractChannel(image, alpha, 3);
                min(alpha, mask, alpha);
            } else {
                mask.copyTo(alpha);
            }
            split(bgr, planes);
            planes.push_back(alpha);
            Mat out = new Mat();
            merge(planes, out);
            return out;
        }
    }
}
