package com.imagestudio.flow.activities.nodes.social;

import com.imagestudio.flow.activities.image.Faces;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_saliency.StaticSaliencySpectralResidual;

import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Where a picture draws the eye, measured once on a reduced copy and reused for every format:
 * spectral-residual saliency summed per column and per row, and the faces in it.
 */
final class Attention {

    /** Longest side of the copy analysed: saliency is coarse, faces need some detail. */
    private static final int ANALYSIS_SIDE = 480;

    private final double scale;
    private final float[] columns;
    private final float[] rows;
    private final List<Faces.Box> faces;

    private Attention(double scale, float[] columns, float[] rows, List<Faces.Box> faces) {
        this.scale = scale;
        this.columns = columns;
        this.rows = rows;
        this.faces = faces;
    }

    static Attention of(Mat image) {
        double scale = Math.min(1.0, (double) ANALYSIS_SIDE / Math.max(image.cols(), image.rows()));
        int w = Math.max(1, (int) Math.round(image.cols() * scale));
        int h = Math.max(1, (int) Math.round(image.rows() * scale));
        try (Mat gray = new Mat(); Mat small = new Mat(); Mat saliency = new Mat(); Mat map = new Mat();
             StaticSaliencySpectralResidual detector = StaticSaliencySpectralResidual.create()) {
            toGray(image, gray);
            resize(gray, small, new Size(w, h), 0, 0, INTER_AREA);
            if (!detector.computeSaliency(small, saliency)) {
                throw new IllegalStateException("OpenCV could not compute the saliency of a " + w + "x" + h + " image");
            }
            saliency.convertTo(map, CV_32F);
            float[] columns = new float[w];
            float[] rows = new float[h];
            try (FloatIndexer px = map.createIndexer()) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        float v = px.get(y, x);
                        columns[x] += v;
                        rows[y] += v;
                    }
                }
            }
            return new Attention(scale, columns, rows, Faces.in(small, Faces.Cascade.HAAR));
        }
    }

    private static void toGray(Mat image, Mat gray) {
        switch (image.channels()) {
            case 4 -> cvtColor(image, gray, COLOR_BGRA2GRAY);
            case 3 -> cvtColor(image, gray, COLOR_BGR2GRAY);
            default -> image.copyTo(gray);
        }
    }

    /** The left edge, in source pixels, of the best {@code width}-wide full-height window. */
    int left(int width, int sourceWidth) {
        return offset(columns, width, sourceWidth, true);
    }

    /** The top edge, in source pixels, of the best {@code height}-tall full-width window. */
    int top(int height, int sourceHeight) {
        return offset(rows, height, sourceHeight, false);
    }

    int faceCount() {
        return faces.size();
    }

    private int offset(float[] profile, int window, int sourceLength, boolean horizontal) {
        int small = Math.min(profile.length, (int) Math.round(window * scale));
        CropWindow.Span keep = null;
        if (!faces.isEmpty()) {
            int start = faces.stream().mapToInt(f -> horizontal ? f.x() : f.y()).min().orElseThrow();
            int end = faces.stream().mapToInt(f -> horizontal ? f.x() + f.width() : f.y() + f.height()).max().orElseThrow();
            keep = new CropWindow.Span(start, end);
        }
        int best = CropWindow.bestOffset(profile, small, keep);
        return Math.max(0, Math.min(sourceLength - window, (int) Math.round(best / scale)));
    }
}
