package com.imagestudio.flow.activities.nodes.template;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.repeat;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** The canvases a template starts from: a colour, a two-colour gradient, or a picture covering it. */
final class Backgrounds {

    private Backgrounds() {
    }

    static Mat solid(int width, int height, Scalar colour) {
        return new Mat(height, width, CV_8UC3, colour);
    }

    /** A linear blend from {@code from} to {@code to} (BGR scalars) along the direction. */
    static Mat gradient(int width, int height, Scalar from, Scalar to, GradientDirection direction) {
        try (Mat t = ramp(width, height, direction); Mat t3 = new Mat(); Mat span = new Mat(height, width, CV_32FC3,
                new Scalar(to.get(0) - from.get(0), to.get(1) - from.get(1), to.get(2) - from.get(2), 0));
             Mat start = new Mat(height, width, CV_32FC3, new Scalar(from.get(0), from.get(1), from.get(2), 0))) {
            cvtColor(t, t3, COLOR_GRAY2BGR);
            multiply(t3, span, t3);
            add(t3, start, t3);
            Mat out = new Mat();
            t3.convertTo(out, CV_8U);
            return out;
        }
    }

    /** 0 at the start to 1 at the end, per pixel: a row or column ramp repeated, or the mean of both. */
    private static Mat ramp(int width, int height, GradientDirection direction) {
        Mat t = new Mat();
        try (Mat row = line(width, true); Mat column = line(height, false); Mat across = new Mat(); Mat down = new Mat()) {
            repeat(row, height, 1, across);
            repeat(column, 1, width, down);
            switch (direction) {
                case HORIZONTAL -> across.copyTo(t);
                case VERTICAL -> down.copyTo(t);
                case DIAGONAL -> addWeighted(across, 0.5, down, 0.5, 0, t);
            }
        }
        return t;
    }

    private static Mat line(int length, boolean horizontal) {
        Mat line = horizontal ? new Mat(1, length, CV_32F) : new Mat(length, 1, CV_32F);
        try (FloatIndexer px = line.createIndexer()) {
            for (int i = 0; i < length; i++) {
                float v = length > 1 ? (float) i / (length - 1) : 0f;
                if (horizontal) {
                    px.put(0, i, v);
                } else {
                    px.put(i, 0, v);
                }
            }
        }
        return line;
    }

    /** The picture scaled to cover {@code width x height} and cropped around its centre. */
    static Mat cover(Mat picture, int width, int height) {
        double s = Math.max((double) width / picture.cols(), (double) height / picture.rows());
        int w = Math.max(width, (int) Math.round(picture.cols() * s));
        int h = Math.max(height, (int) Math.round(picture.rows() * s));
        try (Mat scaled = new Mat()) {
            resize(picture, scaled, new Size(w, h), 0, 0, s < 1 ? INTER_AREA : INTER_CUBIC);
            try (Mat view = new Mat(scaled, new Rect((w - width) / 2, (h - height) / 2, width, height))) {
                Mat out = new Mat();
                if (view.channels() == 3) {
                    view.copyTo(out);
                } else {
                    cvtColor(view, out, view.channels() == 4 ? COLOR_BGRA2BGR : COLOR_GRAY2BGR);
                }
                return out;
            }
        }
    }
}
