package com.imagestudio.flow.activities.nodes.compress;

import com.imagestudio.flow.activities.image.EncodeSettings;
import com.imagestudio.flow.activities.image.EncodedImage;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.nodes.encode.OutputFormat;
import com.imagestudio.flow.catalog.reference.CompressionPreset;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * The compression studio's work, with no storage: shrink to a longest side, encode (which strips
 * all metadata), and optionally find the highest quality that meets a target file size. Pure, so
 * an endpoint that previews sizes can call {@link #estimate} on a decoded image.
 */
public final class Compressor {

    private Compressor() {
    }

    /**
     * @param quality   1 to 100; with a target size, the highest quality tried
     * @param maxSide   longest side in pixels the image is shrunk to (never enlarged); 0 keeps it
     * @param targetKb  largest file in KB (1024 bytes); 0 for none
     */
    public record Settings(OutputFormat format, int quality, boolean progressive, int maxSide, int targetKb) {

        /** The preset's format, quality and size, or these settings when the preset is custom. */
        public Settings with(CompressionPreset preset) {
            return preset.settings()
                    .map(p -> new Settings(OutputFormat.valueOf(p.format().name()), p.quality(), progressive,
                            p.maxSide(), targetKb))
                    .orElse(this);
        }

        EncodeSettings at(int q) {
            return new EncodeSettings(format.format(), q, progressive);
        }
    }

    /** The encoded image and the quality it was written at. */
    public record Result(EncodedImage image, int quality) {
    }

    /** What compressing would give, without keeping the bytes. */
    public record Estimate(long bytes, int width, int height, int quality, ImageFormat format) {
    }

    public static Estimate estimate(Mat image, Settings settings) {
        Result result = compress(image, settings);
        EncodedImage encoded = result.image();
        return new Estimate(encoded.bytes().length, encoded.width(), encoded.height(), result.quality(), encoded.format());
    }

    /** The width and height an image of this size is shrunk to. */
    public static int[] outputSize(int width, int height, int maxSide) {
        int longest = Math.max(width, height);
        if (maxSide <= 0 || longest <= maxSide) {
            return new int[] {width, height};
        }
        double s = (double) maxSide / longest;
        return new int[] {Math.max(1, (int) Math.round(width * s)), Math.max(1, (int) Math.round(height * s))};
    }

    public static Result compress(Mat image, Settings settings) {
        if (settings.targetKb() > 0 && settings.format() == OutputFormat.PNG) {
            throw new BadInputException("a PNG's size does not depend on a quality (it is lossless): "
                    + "choose JPEG or WebP for a target file size");
        }
        int[] size = outputSize(image.cols(), image.rows(), settings.maxSide());
        if (size[0] == image.cols() && size[1] == image.rows()) {
            return encode(image, settings);
        }
        try (Mat shrunk = new Mat()) {
            resize(image, shrunk, new Size(size[0], size[1]), 0, 0, INTER_AREA);
            return encode(shrunk, settings);
        }
    }

    private static Result encode(Mat image, Settings settings) {
        EncodedImage best = ImageCodec.encode(image, settings.at(settings.quality()));
        if (settings.targetKb() <= 0 || best.bytes().length <= target(settings)) {
            return new Result(best, settings.quality());
        }
        // binary search for the highest quality below the one that is too large
        int low = 1;
        int high = settings.quality() - 1;
        Result found = null;
        while (low <= high) {
            int q = (low + high) >>> 1;
            EncodedImage candidate = ImageCodec.encode(image, settings.at(q));
            if (candidate.bytes().length <= target(settings)) {
                found = new Result(candidate, q);
                low = q + 1;
            } else {
                high = q - 1;
            }
        }
        if (found == null) {
            throw new BadInputException("even at quality 1 the " + image.cols() + "x" + image.rows() + " image is "
                    + "larger than " + settings.targetKb() + " KB: lower its longest side or raise the target");
        }
        return found;
    }

    private static long target(Settings settings) {
        return settings.targetKb() * 1024L;
    }
}
