package com.imagestudio.flow.activities.nodes.retouch;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.Channels;
import com.imagestudio.flow.activities.image.Colors;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.function.IntToDoubleFunction;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.cartToPolar;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.polarToCart;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV_FULL;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_Lab2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * Changes the colour of part of an image: the part a mask selects, or else every pixel whose hue
 * is close to a source colour. The change happens in CIE L*C*h: the lightness of each pixel is
 * kept and its hue turned and chroma scaled so that the reference colour becomes the target, so
 * shading, texture and highlights survive (it is not a flat fill). A grey reference has no hue to
 * turn: it is tinted with the target's hue and chroma instead.
 */
@AutoService(NodeDefinition.class)
public final class Recolor implements StudioNode<Recolor.Params> {

    /** Hue distance over which the selection fades out past the tolerance, in degrees. */
    private static final double SOFT_EDGE_DEGREES = 10;
    /** Chroma below which a reference colour counts as grey. */
    private static final double GREY_CHROMA = 8;

    public record Params(String target, String source, double tolerance) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("Recolor", 1)
            .displayName("Recolor")
            .category("Retouch")
            .description("Change a colour (a product, a garment, a background) to another, keeping its shading. "
                    + "Selects the mask's area if a mask is connected, else the pixels close in hue to the source colour.")
            .aliases("recolour", "colour change", "color swap", "hue shift", "change color", "variants")
            .input(Port.required("image", PortType.IMAGE, "The image to recolour"))
            .input(Port.optional("mask", PortType.MASK, "White where the colour changes; without it, the source colour selects"))
            .output(Port.required("image", PortType.IMAGE, "The recoloured image"))
            .param(ParamSpec.color("target", "The new colour").withDefault("#1e50ff"))
            .param(ParamSpec.color("source", "The colour to change, when no mask is connected").withDefault("#ff0000"))
            .param(ParamSpec.number("tolerance", "How far in hue from the source colour a pixel may be and still change, in degrees")
                    .between(1, 90).withDefault(20))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("target"), values.string("source"), values.number("tolerance"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        try (Mat image = inputs.image("image").decode();
             Mat bgr = Channels.bgr(image);
             Mat weight = inputs.has("mask") ? maskWeight(inputs, bgr) : hueWeight(bgr, params)) {
            Mat out = recolour(bgr, weight, inputs.has("mask"), params);
            if (image.channels() == 4) {
                try (Mat alpha = new Mat()) {
                    extractChannel(image, alpha, 3);
                    cvtColor(out, out, COLOR_BGR2BGRA);
                    insertChannel(alpha, out, 3);
                }
            }
            return NodeOutputs.create().image("image", out);
        }
    }

    /** The mask, 0 to 255, at the size of the image. */
    private static Mat maskWeight(NodeInputs inputs, Mat bgr) {
        try (Mat given = inputs.image("mask").decode()) {
            return Channels.maskOf(given, bgr.size());
        }
    }

    /**
     * 255 where the hue is within the tolerance of the source colour's, fading to 0 over
     * {@value #SOFT_EDGE_DEGREES} more degrees; greys and near-black have no reliable hue and stay 0.
     */
    private static Mat hueWeight(Mat bgr, Params params) {
        int sourceHue = hueOf(Colors.bgra(params.source()));
        try (Mat hsv = new Mat(); MatVector planes = new MatVector();
             Mat hueTable = table(v -> ramp(params.tolerance() + SOFT_EDGE_DEGREES - hueDistance(v, sourceHue), SOFT_EDGE_DEGREES));
             Mat chromaTable = table(v -> ramp(v - 25, 25));
             Mat valueTable = table(v -> ramp(v - 20, 20));
             Mat byHue = new Mat(); Mat bySaturation = new Mat(); Mat byValue = new Mat()) {
            cvtColor(bgr, hsv, COLOR_BGR2HSV_FULL);
            split(hsv, planes);
            LUT(planes.get(0), hueTable, byHue);
            LUT(planes.get(1), chromaTable, bySaturation);
            LUT(planes.get(2), valueTable, byValue);
            Mat weight = new Mat();
            multiply(byHue, bySaturation, weight, 1.0 / 255, -1);
            multiply(weight, byValue, weight, 1.0 / 255, -1);
            return weight;
        }
    }

    /** Degrees between two hues given on OpenCV's full 0-255 hue scale. */
    private static double hueDistance(int a, int b) {
        int d = Math.abs(a - b);
        return Math.min(d, 256 - d) * 360.0 / 256;
    }

    /** 0 at or below 0, 1 at or above {@code width}, linear between. */
    private static double ramp(double x, double width) {
        return Math.max(0, Math.min(1, x / width));
    }

    private static Mat table(IntToDoubleFunction weight) {
        Mat table = new Mat(1, 256, CV_8UC1);
        try (UByteIndexer t = table.createIndexer()) {
            for (int v = 0; v < 256; v++) {
                t.put(0, v, (int) Math.round(255 * weight.applyAsDouble(v)));
            }
        }
        return table;
    }

    /** The image with the selected pixels (weight 0 to 255) turned from the reference colour to the target. */
    private static Mat recolour(Mat bgr, Mat weight, boolean masked, Params params) {
        if (countNonZero(weight) == 0) {
            return bgr.clone();
        }
        try (Mat unit = new Mat(); Mat lab = new Mat(); MatVector planes = new MatVector();
             Mat chroma = new Mat(); Mat hue = new Mat(); Mat a = new Mat(); Mat b = new Mat();
             Mat shiftedLab = new Mat(); Mat shifted = new Mat(); Mat w = new Mat(); Mat w3 = new Mat()) {
            bgr.convertTo(unit, CV_32F, 1.0 / 255, 0);
            cvtColor(unit, lab, COLOR_BGR2Lab);
            split(lab, planes);
            double[] reference = masked ? labMean(lab, weight) : lab(Colors.bgra(params.source()));
            double[] target = lab(Colors.bgra(params.target()));
            double referenceChroma = Math.hypot(reference[1], reference[2]);
            double targetChroma = Math.hypot(target[1], target[2]);
            double targetHue = Math.toDegrees(Math.atan2(target[2], target[1]));
            cartToPolar(planes.get(1), planes.get(2), chroma, hue, true);
            if (referenceChroma >= GREY_CHROMA) {
                double turn = targetHue - Math.toDegrees(Math.atan2(reference[2], reference[1]));
                hue.convertTo(hue, -1, 1, turn);
                chroma.convertTo(chroma, -1, targetChroma / referenceChroma, 0);
            } else {
                hue.put(new Scalar(targetHue));
                chroma.put(new Scalar(targetChroma));
            }
            polarToCart(chroma, hue, a, b, true);
            try (MatVector shiftedPlanes = new MatVector(planes.get(0), a, b)) {
                merge(shiftedPlanes, shiftedLab);
            }
            cvtColor(shiftedLab, shifted, COLOR_Lab2BGR);
            // out = unit + weight * (shifted - unit)
            weight.convertTo(w, CV_32F, 1.0 / 255, 0);
            cvtColor(w, w3, COLOR_GRAY2BGR);
            subtract(shifted, unit, shifted);
            multiply(shifted, w3, shifted);
            add(unit, shifted, unit);
            Mat out = new Mat();
            unit.convertTo(out, CV_8U, 255, 0);
            return out;
        }
    }

    private static int hueOf(Scalar colour) {
        try (Mat pixel = new Mat(1, 1, CV_8UC3, colour); Mat hsv = new Mat()) {
            cvtColor(pixel, hsv, COLOR_BGR2HSV_FULL);
            try (UByteIndexer px = hsv.createIndexer()) {
                return px.get(0, 0, 0);
            }
        }
    }

    private static double[] lab(Scalar colour) {
        try (Mat pixel = new Mat(1, 1, CV_32FC3, new Scalar(colour.get(0) / 255, colour.get(1) / 255, colour.get(2) / 255, 0));
             Mat lab = new Mat()) {
            cvtColor(pixel, lab, COLOR_BGR2Lab);
            try (FloatIndexer px = lab.createIndexer()) {
                return new double[] {px.get(0, 0, 0), px.get(0, 0, 1), px.get(0, 0, 2)};
            }
        }
    }

    /** The mean colour of the mostly selected pixels. */
    private static double[] labMean(Mat lab, Mat weight) {
        try (Mat selected = new Mat()) {
            threshold(weight, selected, 127, 255, THRESH_BINARY);
            Scalar m = mean(lab, countNonZero(selected) > 0 ? selected : weight);
            return new double[] {m.get(0), m.get(1), m.get(2)};
        }
    }
}
