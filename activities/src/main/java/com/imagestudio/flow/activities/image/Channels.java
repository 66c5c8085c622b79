package com.imagestudio.flow.activities.image;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The channel layouts a decoded image comes in (grayscale, BGR, BGRA) brought to the one an
 * algorithm needs. Every method returns a new Mat that the caller closes.
 */
public final class Channels {

    private Channels() {
    }

    /** Three-channel BGR: grayscale is spread over the channels, alpha is dropped. */
    public static Mat bgr(Mat image) {
        Mat out = new Mat();
        switch (image.channels()) {
            case 1 -> cvtColor(image, out, COLOR_GRAY2BGR);
            case 4 -> cvtColor(image, out, COLOR_BGRA2BGR);
            default -> image.copyTo(out);
        }
        return out;
    }

    /**
     * One channel, as a mask is read: a grayscale image as it is, the alpha of a BGRA image
     * (what is opaque is selected), the brightness of a BGR one.
     */
    public static Mat maskOf(Mat image) {
        Mat out = new Mat();
        switch (image.channels()) {
            case 1 -> image.copyTo(out);
            case 4 -> extractChannel(image, out, 3);
            default -> cvtColor(image, out, COLOR_BGR2GRAY);
        }
        return out;
    }

    /** As {@link #maskOf(Mat)}, scaled to the size of the image it applies to. */
    public static Mat maskOf(Mat image, Size size) {
        Mat mask = maskOf(image);
        if (mask.cols() != size.width() || mask.rows() != size.height()) {
            resize(mask, mask, size, 0, 0, INTER_LINEAR);
        }
        return mask;
    }

    /** Brightness as one channel. */
    public static Mat gray(Mat image) {
        Mat out = new Mat();
        switch (image.channels()) {
            case 1 -> image.copyTo(out);
            case 4 -> cvtColor(image, out, COLOR_BGRA2GRAY);
            default -> cvtColor(image, out, COLOR_BGR2GRAY);
        }
        return out;
    }
}
