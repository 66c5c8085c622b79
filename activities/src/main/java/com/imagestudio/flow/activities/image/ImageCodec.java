package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.activities.node.BadInputException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_PROGRESSIVE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * Decoding and encoding with OpenCV. Decoded images are 8-bit BGR, BGRA or grayscale Mats; a
 * JPEG comes upright as its EXIF orientation asks (other formats as stored, alpha kept). The
 * caller owns (and closes) what it gets.
 */
public final class ImageCodec {

    static {
        NativeImageMemory.keepFreedMemory();
    }

    private ImageCodec() {
    }

    /**
     * Decodes an image already checked by {@link ImageProbe}. A JPEG is shrunk while it is
     * decoded (in the DCT domain, far faster) by {@code reduction}: 1, 2, 4 or 8.
     */
    public static Mat decode(byte[] bytes, ImageFormat format, int reduction) {
        int flags = format == ImageFormat.JPEG ? jpegFlags(reduction) : IMREAD_UNCHANGED;
        Mat decoded;
        try (Mat buffer = new Mat(1, bytes.length, CV_8UC1)) {
            buffer.data().put(bytes);
            decoded = imdecode(buffer, flags);
        }
        if (decoded == null || decoded.empty()) {
            throw new BadInputException("the " + format + " image is corrupt: it cannot be decoded");
        }
        return toEightBit(decoded);
    }

    private static int jpegFlags(int reduction) {
        return switch (reduction) {
            case 1 -> IMREAD_COLOR;
            case 2 -> IMREAD_REDUCED_COLOR_2;
            case 4 -> IMREAD_REDUCED_COLOR_4;
            case 8 -> IMREAD_REDUCED_COLOR_8;
            default -> throw new IllegalArgumentException("JPEG decoding reduces by 1, 2, 4 or 8, not " + reduction);
        };
    }

    private static Mat toEightBit(Mat image) {
        if (image.depth() == CV_8U) {
            return image;
        }
        // 16-bit PNG and TIFF: scale 0..65535 to 0..255
        Mat eight = new Mat();
        image.convertTo(eight, CV_8U, 1.0 / 257.0, 0);
        image.close();
        return eight;
    }

    public static EncodedImage encode(Mat image, EncodeSettings settings) {
        Mat writable = image;
        boolean converted = false;
        if (settings.format() == ImageFormat.AVIF) {
            return AvifEncoder.encode(image, settings.quality());
        }
        if (settings.format() == ImageFormat.JPEG && image.channels() == 4) {
            writable = flattenOnWhite(image);
            converted = true;
        }
        int[] params = switch (settings.format()) {
            case JPEG -> new int[] {IMWRITE_JPEG_QUALITY, settings.quality(),
                    IMWRITE_JPEG_PROGRESSIVE, settings.progressive() ? 1 : 0};
            case WEBP -> new int[] {IMWRITE_WEBP_QUALITY, settings.quality()};
            default -> new int[] {IMWRITE_PNG_COMPRESSION, settings == EncodeSettings.INTERMEDIATE ? 1 : 6};
        };
        try (BytePointer out = new BytePointer(); IntPointer flags = new IntPointer(params)) {
            if (!imencode(settings.format().extension(), writable, out, flags)) {
                throw new IllegalStateException("OpenCV could not encode a " + writable.cols() + "x"
                        + writable.rows() + " image as " + settings.format());
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return new EncodedImage(bytes, settings.format(), writable.cols(), writable.rows());
        } finally {
            if (converted) {
                writable.close();
            }
        }
    }

    /** JPEG has no alpha: composite over white, as people expect. */
    static Mat flattenOnWhite(Mat bgra) {
        return Overlay.flatten(bgra, new Scalar(255, 255, 255, 255));
    }
}
