package com.imagestudio.flow.engine.bench;

import com.imagestudio.flow.activities.image.EncodeSettings;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.image.ImageFormat;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** Photo-like JPEGs for benchmarks: soft noise and shapes, so they compress like real photos. */
public final class SyntheticPhotos {

    private SyntheticPhotos() {
    }

    /** A W1 output: a 4000x3000 photo covered to {@code side} x {@code side} (centre crop), at JPEG {@code quality}. */
    public static byte[] covered(int side, int quality, int seed) {
        try (Mat photo = ImageCodec.decode(jpeg(4000, 3000, seed), ImageFormat.JPEG, 1);
             Mat centre = new Mat(photo, new Rect(500, 0, 3000, 3000)); Mat square = new Mat()) {
            resize(centre, square, new Size(side, side), 0, 0, INTER_AREA);
            return ImageCodec.encode(square, new EncodeSettings(ImageFormat.JPEG, quality, false)).bytes();
        }
    }

    static byte[] jpeg(int width, int height, int seed) {
        try (Mat image = new Mat(height, width, CV_8UC3); BytePointer out = new BytePointer();
             IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, 90)) {
            org.bytedeco.opencv.global.opencv_core.setRNGSeed(seed);
            try (Mat mean = new Mat(3, 1, CV_64F, new Scalar(0)); Mat deviation = new Mat(3, 1, CV_64F, new Scalar(40))) {
                mean.ptr(0).putDouble(110 + seed % 60);
                mean.ptr(1).putDouble(120);
                mean.ptr(2).putDouble(130);
                randn(image, mean, deviation);
            }
            GaussianBlur(image, image, new Size(0, 0), 3);
            for (int i = 0; i < 12; i++) {
                circle(image, new Point((i * 331 + seed * 97) % width, (i * 211 + seed * 53) % height),
                        80 + (i * 37) % 300, new Scalar((i * 40) % 255, (i * 90) % 255, (i * 150) % 255, 0), -1, 16, 0);
            }
            imencode(".jpg", image, out, params);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
