package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.activities.node.BadInputException;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * The gate every image passes before it is decoded: the magic bytes must name a supported
 * format and the header's dimensions must fit the pixel budget, so a decompression bomb or a
 * file that is not an image is refused before it can take memory.
 */
public final class ImageProbe {

    /** Largest side any encoder we use accepts (WebP's limit is 16383). */
    public static final int MAX_SIDE = 16383;

    private final long maxPixels;

    public ImageProbe(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    public ImageInfo probe(byte[] bytes) {
        ImageFormat format = formatOf(bytes);
        return checked(format, readHeader(bytes, format));
    }

    /**
     * Probes a file from its first bytes, when they hold its whole header: the same answer as
     * {@link #probe} on the whole file, or empty when these bytes end before the header does (for
     * a JPEG, before the image data: its EXIF orientation must be in them too).
     *
     * @throws BadInputException when the first bytes already tell that the file is refused
     */
    public Optional<ImageInfo> probeStart(byte[] start) {
        ImageFormat format = formatOf(start);
        if (format == ImageFormat.JPEG && !JpegOrientation.headerWithin(start)) {
            return Optional.empty();
        }
        ImageInfo info;
        try {
            info = readHeader(start, format);
        } catch (BadInputException cutShort) {
            return Optional.empty();
        }
        return Optional.of(checked(format, info));
    }

    /**
     * The header a blob reference gives, for an image the studio checked when it made the
     * reference (an upload, a loader's list, a node's output): held to the same limits as a
     * probed header, without reading the file.
     */
    public ImageInfo known(ImageFormat format, int width, int height) {
        return checked(format, new ImageInfo(format, width, height));
    }

    private static ImageFormat formatOf(byte[] bytes) {
        ImageFormat format = ImageFormat.sniff(bytes)
                .orElseThrow(() -> new BadInputException("the file is " + ImageFormat.describeUnknown(bytes)));
        if (!format.readable()) {
            throw new BadInputException("the file is in " + format + ", a format the studio writes but does not read: "
                    + "use PNG, JPEG or WebP as input");
        }
        return format;
    }

    private ImageInfo checked(ImageFormat format, ImageInfo info) {
        if (info.width() <= 0 || info.height() <= 0) {
            throw new BadInputException("the " + format + " header gives no valid dimensions");
        }
        if (info.pixels() > maxPixels || info.width() > MAX_SIDE || info.height() > MAX_SIDE) {
            throw new BadInputException("the image is " + info.width() + "x" + info.height() + " ("
                    + megapixels(info.pixels()) + " MP); the limit is " + megapixels(maxPixels) + " MP and "
                    + MAX_SIDE + " pixels a side");
        }
        return info;
    }

    private static ImageInfo readHeader(byte[] bytes, ImageFormat format) {
        // over the array itself: ImageIO's own stream for an InputStream caches to a temporary file
        try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new BadInputException("no reader for this " + format + " file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                // OpenCV turns a JPEG as its EXIF orientation asks: report the size it will decode to
                if (format == ImageFormat.JPEG && JpegOrientation.swapsSides(bytes)) {
                    return new ImageInfo(format, height, width);
                }
                return new ImageInfo(format, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            throw new BadInputException("the " + format + " file is corrupt or truncated: its header cannot be read", e);
        }
    }

    private static String megapixels(long pixels) {
        return String.format(java.util.Locale.ROOT, "%.1f", pixels / 1_000_000.0);
    }
}
