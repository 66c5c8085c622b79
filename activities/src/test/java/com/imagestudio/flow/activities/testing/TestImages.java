package com.imagestudio.flow.activities.testing;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.bitwise_or;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

/**
 * Images made in the test, never committed files: flat colour bands and quadrants whose pixels
 * are easy to name, gradients that give a codec something to compress, and hand-made headers
 * (EXIF segments, PNGs that lie about their size). Pixels are read back with ImageIO, not with
 * the code under test.
 */
public final class TestImages {

    private TestImages() {
    }

    public record Dimensions(int width, int height) {
    }

    // ---- decoded images (OpenCV, BGR order) ----

    /** Left quarter red, middle half green, right quarter blue. */
    public static Mat bands(int width, int height) {
        Mat image = new Mat(height, width, CV_8UC3, bgr(Rgb.GREEN));
        int quarter = width / 4;
        fill(image, new Rect(0, 0, quarter, height), bgr(Rgb.RED));
        fill(image, new Rect(width - quarter, 0, quarter, height), bgr(Rgb.BLUE));
        return image;
    }

    /** Top-left red, top-right green, bottom-left blue, bottom-right yellow. */
    public static Mat quadrants(int width, int height) {
        Mat image = new Mat(height, width, CV_8UC3, bgr(Rgb.YELLOW));
        int halfW = width / 2;
        int halfH = height / 2;
        fill(image, new Rect(0, 0, halfW, halfH), bgr(Rgb.RED));
        fill(image, new Rect(halfW, 0, width - halfW, halfH), bgr(Rgb.GREEN));
        fill(image, new Rect(0, halfH, halfW, height - halfH), bgr(Rgb.BLUE));
        return image;
    }

    /** Smooth colour ramps with fine stripes: detail that a lossy codec must spend bytes on. */
    public static Mat gradient(int width, int height) {
        Mat image = new Mat(height, width, CV_8UC3);
        try (UByteIndexer px = image.createIndexer()) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    px.put(y, x, 0, x * 255 / Math.max(1, width - 1));
                    px.put(y, x, 1, y * 255 / Math.max(1, height - 1));
                    px.put(y, x, 2, ((x / 3 + y / 5) % 2) * 120 + (x * y) % 64);
                }
            }
        }
        return image;
    }

    /** A flat background with a filled circle of another colour in the middle (diameter half the short side). */
    public static Mat disc(int width, int height, Rgb background, Rgb disc) {
        Mat image = new Mat(height, width, CV_8UC3, bgr(background));
        circle(image, new Point(width / 2, height / 2), Math.min(width, height) / 4, bgr(disc), FILLED, LINE_8, 0);
        return image;
    }

    /** Left half fully transparent (black underneath), right half opaque red. */
    public static Mat transparentLeftRedRight(int width, int height) {
        Mat image = new Mat(height, width, CV_8UC4, new Scalar(0, 0, 0, 0));
        fill(image, new Rect(width / 2, 0, width - width / 2, height), new Scalar(0, 0, 255, 255));
        return image;
    }

    // ---- encoded images ----

    public static byte[] jpeg(Mat image) {
        return jpeg(image, 95);
    }

    public static byte[] jpeg(Mat image, int quality) {
        return encode(image, ".jpg", IMWRITE_JPEG_QUALITY, quality);
    }

    public static byte[] png(Mat image) {
        return encode(image, ".png");
    }

    public static byte[] bandsJpeg(int width, int height) {
        try (Mat image = bands(width, height)) {
            return jpeg(image);
        }
    }

    public static byte[] quadrantsPng(int width, int height) {
        try (Mat image = quadrants(width, height)) {
            return png(image);
        }
    }

    public static byte[] quadrantsJpeg(int width, int height) {
        try (Mat image = quadrants(width, height)) {
            return jpeg(image);
        }
    }

    public static byte[] transparentPng(int width, int height) {
        try (Mat image = transparentLeftRedRight(width, height)) {
            return png(image);
        }
    }

    private static byte[] encode(Mat image, String extension, int... params) {
        try (BytePointer out = new BytePointer(); IntPointer flags = new IntPointer(params)) {
            if (!imencode(extension, image, out, flags)) {
                throw new IllegalStateException("cannot make a test " + extension);
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    // ---- reading back (ImageIO, independent of the code under test) ----

    public static BufferedImage read(byte[] encoded) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
            if (image == null) {
                throw new IllegalArgumentException("ImageIO cannot read these " + encoded.length + " bytes");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Dimensions dimensions(byte[] encoded) {
        BufferedImage image = read(encoded);
        return new Dimensions(image.getWidth(), image.getHeight());
    }

    public static Dimensions dimensions(Mat image) {
        return new Dimensions(image.cols(), image.rows());
    }

    /** The colour at (x, y), snapped to its name when close to one. */
    public static Rgb pixel(byte[] encoded, int x, int y) {
        return pixel(read(encoded), x, y);
    }

    public static Rgb pixel(BufferedImage image, int x, int y) {
        int argb = image.getRGB(x, y);
        return new Rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF).snapped();
    }

    /** The colour at (x, y) of a BGR or BGRA Mat, snapped to its name when close to one. */
    public static Rgb pixel(Mat image, int x, int y) {
        try (UByteIndexer px = image.createIndexer()) {
            return new Rgb(px.get(y, x, 2), px.get(y, x, 1), px.get(y, x, 0)).snapped();
        }
    }

    /** The raw value of one channel at (x, y) of an 8-bit Mat (0 for blue, 3 for alpha, 0 for a mask). */
    public static int channel(Mat image, int x, int y, int channel) {
        try (UByteIndexer px = image.createIndexer()) {
            return px.get(y, x, channel);
        }
    }

    /** The exact colour at (x, y) of a BGR or BGRA Mat, not snapped. */
    public static Rgb rawPixel(Mat image, int x, int y) {
        try (UByteIndexer px = image.createIndexer()) {
            return new Rgb(px.get(y, x, 2), px.get(y, x, 1), px.get(y, x, 0));
        }
    }

    /** How many pixels of a row have the given colour. */
    public static int countInRow(Mat image, int y, Rgb colour) {
        int count = 0;
        try (UByteIndexer px = image.createIndexer()) {
            for (int x = 0; x < image.cols(); x++) {
                if (new Rgb(px.get(y, x, 2), px.get(y, x, 1), px.get(y, x, 0)).snapped().equals(colour)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** How many pixels of {@code area} differ between two images of the same size and type. */
    public static int countDifferent(Mat a, Mat b, Rect area) {
        try (Mat left = new Mat(a, area); Mat right = new Mat(b, area); Mat diff = new Mat();
             Mat any = new Mat(area.height(), area.width(), CV_8UC1, new Scalar(0)); Mat channel = new Mat()) {
            absdiff(left, right, diff);
            for (int c = 0; c < diff.channels(); c++) {
                extractChannel(diff, channel, c);
                bitwise_or(any, channel, any);
            }
            return countNonZero(any);
        }
    }

    /** The four quadrants of a {@code width x height} image: top-left, top-right, bottom-left, bottom-right. */
    public static Rect[] quadrantsOf(int width, int height) {
        int hw = width / 2;
        int hh = height / 2;
        return new Rect[] {new Rect(0, 0, hw, hh), new Rect(hw, 0, width - hw, hh),
                new Rect(0, hh, hw, height - hh), new Rect(hw, hh, width - hw, height - hh)};
    }

    // ---- bytes ----

    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static boolean contains(byte[] haystack, String ascii) {
        return contains(haystack, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The JPEG with an EXIF (APP1) segment added after its JFIF header: a camera make and an
     * orientation (1 = as stored, 6 = turn 90 degrees clockwise to display).
     */
    public static byte[] withExif(byte[] jpeg, String cameraMake, int orientation) {
        return withExif(jpeg, cameraMake, orientation, ByteOrder.BIG_ENDIAN);
    }

    /** As {@link #withExif(byte[], String, int)}, with the EXIF data in the given byte order. */
    public static byte[] withExif(byte[] jpeg, String cameraMake, int orientation, ByteOrder order) {
        byte[] make = (cameraMake + "\0").getBytes(StandardCharsets.US_ASCII);
        // TIFF: header (8), IFD0 with 2 entries (2 + 2 * 12 + 4), then the make string
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + make.length).order(order);
        tiff.put(order == ByteOrder.BIG_ENDIAN ? new byte[] {'M', 'M', 0, 42} : new byte[] {'I', 'I', 42, 0}).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(8 + 2 + 2 * 12 + 4);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0); // value left-justified
        tiff.putInt(0);
        tiff.put(make);
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        ByteBuffer segment = ByteBuffer.allocate(4 + exif.length);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + exif.length)).put(exif);

        int insertAt = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            insertAt = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        return concat(Arrays.copyOfRange(jpeg, 0, insertAt), segment.array(),
                Arrays.copyOfRange(jpeg, insertAt, jpeg.length));
    }

    /**
     * A real, tiny PNG whose header (IHDR, with a correct CRC) claims the given size: what a
     * decompression bomb looks like to a reader that trusts headers.
     */
    public static byte[] pngDeclaring(int width, int height) {
        byte[] png = quadrantsPng(2, 2);
        // signature (8), IHDR length (4), "IHDR" (4) at 12, width at 16, height at 20, CRC at 29
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static Scalar bgr(Rgb colour) {
        return new Scalar(colour.b(), colour.g(), colour.r(), 255);
    }

    private static void fill(Mat image, Rect area, Scalar colour) {
        try (Mat region = new Mat(image, area)) {
            region.put(colour);
        }
    }
}
