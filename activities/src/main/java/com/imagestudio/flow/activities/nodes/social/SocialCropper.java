package com.imagestudio.flow.activities.nodes.social;

import com.imagestudio.flow.activities.image.BlendMode;
import com.imagestudio.flow.activities.image.Overlay;
import com.imagestudio.flow.catalog.reference.SocialFormat;
import com.imagestudio.flow.catalog.reference.Zone;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** Makes a picture into one platform format: smart or centre crop, or fit on a background. */
final class SocialCropper {

    /** How covered zones look in the preview: translucent magenta. */
    private static final Scalar ZONE_COLOUR = new Scalar(255, 0, 255, 110);

    private final Mat source;
    private Attention attention;

    /** @param source the decoded picture; not changed, not closed */
    SocialCropper(Mat source) {
        this.source = source;
    }

    /** The smallest source size that loses no detail for these formats in this mode. */
    static int[] neededSize(int width, int height, SocialFormat format, CropMode mode) {
        if (mode != CropMode.FIT) {
            return new int[] {format.width(), format.height()};
        }
        double s = Math.min((double) format.width() / width, (double) format.height() / height);
        return new int[] {(int) Math.ceil(width * s), (int) Math.ceil(height * s)};
    }

    Mat render(SocialFormat format, CropMode mode, Scalar background, boolean showZones) {
        Mat out = mode == CropMode.FIT ? fit(format, background) : crop(format, mode);
        if (showZones) {
            drawZones(out, format);
        }
        return out;
    }

    private Mat crop(SocialFormat format, CropMode mode) {
        int w = source.cols();
        int h = source.rows();
        boolean wider = (double) w / h > format.ratio();
        int cw = wider ? Math.max(1, Math.min(w, (int) Math.round(h * format.ratio()))) : w;
        int ch = wider ? h : Math.max(1, Math.min(h, (int) Math.round(w / format.ratio())));
        int x = (w - cw) / 2;
        int y = (h - ch) / 2;
        if (mode == CropMode.SMART) {
            if (attention == null) {
                attention = Attention.of(source);
            }
            x = wider ? attention.left(cw, w) : 0;
            y = wider ? 0 : attention.top(ch, h);
        }
        try (Mat window = new Mat(source, new Rect(x, y, cw, ch))) {
            return scaled(window, format.width(), format.height());
        }
    }

    private Mat fit(SocialFormat format, Scalar background) {
        double s = Math.min((double) format.width() / source.cols(), (double) format.height() / source.rows());
        int w = Math.max(1, Math.min(format.width(), (int) Math.round(source.cols() * s)));
        int h = Math.max(1, Math.min(format.height(), (int) Math.round(source.rows() * s)));
        Mat canvas = new Mat(format.height(), format.width(), CV_8UC3, background);
        try (Mat picture = scaled(source, w, h)) {
            Overlay.blend(canvas, picture, (format.width() - w) / 2, (format.height() - h) / 2, 1.0, BlendMode.NORMAL);
        }
        return canvas;
    }

    private static Mat scaled(Mat image, int width, int height) {
        Mat out = new Mat();
        boolean shrinking = width <= image.cols() && height <= image.rows();
        resize(image, out, new Size(width, height), 0, 0, shrinking ? INTER_AREA : INTER_CUBIC);
        return out;
    }

    /** The union of the covered zones, tinted once (overlapping zones are not darker). */
    private static void drawZones(Mat image, SocialFormat format) {
        if (format.coveredZones().isEmpty()) {
            return;
        }
        try (Mat tint = new Mat(image.rows(), image.cols(), CV_8UC4, new Scalar(0, 0, 0, 0))) {
            for (Zone zone : format.coveredZones()) {
                try (Mat area = new Mat(tint, new Rect(zone.x(), zone.y(), zone.width(), zone.height()))) {
                    area.put(ZONE_COLOUR);
                }
            }
            Overlay.blend(image, tint, 0, 0, 1.0, BlendMode.NORMAL);
        }
    }
}
