package com.imagestudio.flow.activities.image;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.divide;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

/**
 * Drawing one image over another, shared by the watermark, composite and template nodes:
 * alpha blending with an opacity and a blend mode, text rendered with Java2D, and the small
 * transforms an overlay needs (scale, rotate, flatten). Images are 8-bit BGR or BGRA Mats; the
 * caller owns what it passes and what it gets.
 *
 * <p>Text goes through Java2D rather than OpenCV's {@code putText}: Hershey fonts are ASCII-only
 * stroke fonts without kerning, while Java2D draws any Unicode text antialiased in a real
 * TrueType font and measures it, which wrapping and anchoring need. It needs fonts on the worker
 * (any fontconfig font; Debian's fonts-dejavu is enough).
 */
public final class Overlay {

    private static final FontRenderContext MEASURING = new FontRenderContext(null, true, true);

    private Overlay() {
    }

    /**
     * Draws {@code overlay} over {@code base}, changing {@code base}, with its top-left corner at
     * ({@code x}, {@code y}); the part outside {@code base} is dropped. The overlay's alpha (if it
     * has one) times {@code opacity} (0 to 1) says how much of it shows; a transparent base
     * becomes as opaque as what is drawn on it (Porter-Duff "over").
     */
    public static void blend(Mat base, Mat overlay, int x, int y, double opacity, BlendMode mode) {
        int left = Math.max(0, x);
        int top = Math.max(0, y);
        int right = Math.min(base.cols(), x + overlay.cols());
        int bottom = Math.min(base.rows(), y + overlay.rows());
        if (right <= left || bottom <= top || opacity <= 0) {
            return;
        }
        Rect onBase = new Rect(left, top, right - left, bottom - top);
        Rect onOverlay = new Rect(left - x, top - y, right - left, bottom - top);
        try (Mat baseArea = new Mat(base, onBase);
             Mat overlayArea = new Mat(overlay, onOverlay);
             Mat under = colourOf(baseArea);
             Mat over = colourOf(overlayArea);
             Mat alpha = alphaOf(overlayArea, opacity);
             Mat mixed = mix(under, over, mode);
             Mat weight = new Mat();
             Mat weight3 = new Mat();
             Mat result = new Mat()) {
            Mat outAlpha = null;
            try {
                if (base.channels() == 4) {
                    // out alpha = a + b(1 - a); colour weight = a / out alpha
                    outAlpha = alphaOf(baseArea, 1.0);
                    try (Mat product = new Mat(); Mat floor = new Mat(alpha.size(), CV_32FC1, new Scalar(1e-6))) {
                        multiply(alpha, outAlpha, product);
                        add(alpha, outAlpha, outAlpha);
                        subtract(outAlpha, product, outAlpha);
                        max(outAlpha, floor, product);
                        divide(alpha, product, weight);
                    }
                } else {
                    alpha.copyTo(weight);
                }
                cvtColor(weight, weight3, COLOR_GRAY2BGR);
                subtract(mixed, under, mixed);
                multiply(mixed, weight3, mixed);
                add(under, mixed, under);
                under.convertTo(result, CV_8U, 255, 0);
                if (base.channels() == 4) {
                    try (Mat bgra = new Mat(); Mat alpha8 = new Mat()) {
                        cvtColor(result, bgra, COLOR_BGR2BGRA);
                        outAlpha.convertTo(alpha8, CV_8U, 255, 0);
                        insertChannel(alpha8, bgra, 3);
                        bgra.copyTo(baseArea);
                    }
                } else if (base.channels() == 3) {
                    result.copyTo(baseArea);
                } else {
                    throw new IllegalArgumentException("can only draw on a BGR or BGRA image, not "
                            + base.channels() + " channels");
                }
            } finally {
                if (outAlpha != null) {
                    outAlpha.close();
                }
            }
        }
    }

    /** The image composited over a solid colour, as three-channel BGR (how JPEG shows transparency). */
    public static Mat flatten(Mat image, Scalar background) {
        Mat flat = new Mat(image.rows(), image.cols(), CV_8UC3, background);
        blend(flat, image, 0, 0, 1.0, BlendMode.NORMAL);
        return flat;
    }

    /** A BGRA copy of a BGR, BGRA or grayscale image (opaque where it had no alpha). */
    public static Mat withAlpha(Mat image) {
        Mat bgra = new Mat();
        switch (image.channels()) {
            case 4 -> image.copyTo(bgra);
            case 3 -> cvtColor(image, bgra, COLOR_BGR2BGRA);
            default -> cvtColor(image, bgra, COLOR_GRAY2BGRA);
        }
        return bgra;
    }

    /** The image scaled to the given width, keeping its aspect (never below one pixel). */
    public static Mat scaledToWidth(Mat image, int width) {
        int w = Math.max(1, width);
        int h = Math.max(1, (int) Math.round((double) image.rows() * w / image.cols()));
        Mat scaled = new Mat();
        resize(image, scaled, new Size(w, h), 0, 0, w < image.cols() ? INTER_AREA : INTER_CUBIC);
        return scaled;
    }

    /**
     * A BGRA copy turned by {@code degrees} (counter-clockwise), on a canvas grown to hold all of
     * it; the corners it uncovers are transparent.
     */
    public static Mat rotated(Mat image, double degrees) {
        try (Mat bgra = withAlpha(image)) {
            if (degrees % 360 == 0) {
                return bgra.clone();
            }
            double radians = Math.toRadians(degrees);
            double cos = Math.abs(Math.cos(radians));
            double sin = Math.abs(Math.sin(radians));
            int w = (int) Math.ceil(bgra.cols() * cos + bgra.rows() * sin);
            int h = (int) Math.ceil(bgra.cols() * sin + bgra.rows() * cos);
            Mat turned = new Mat();
            try (Mat matrix = getRotationMatrix2D(new Point2f(bgra.cols() / 2f, bgra.rows() / 2f), degrees, 1.0)) {
                // move the centre of the turned image to the centre of the grown canvas
                var m = matrix.<org.bytedeco.javacpp.indexer.DoubleIndexer>createIndexer();
                m.put(0, 2, m.get(0, 2) + (w - bgra.cols()) / 2.0);
                m.put(1, 2, m.get(1, 2) + (h - bgra.rows()) / 2.0);
                m.close();
                warpAffine(bgra, turned, matrix, new Size(w, h), INTER_LINEAR, BORDER_CONSTANT, new Scalar(0, 0, 0, 0));
            }
            return turned;
        }
    }

    // ---- text ----

    /** How text looks: a font size in pixels, a colour "#rrggbb" or "#rrggbbaa", bold or not. */
    public record TextStyle(float size, String colour, boolean bold, TextAlign align) {

        Font font() {
            return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
        }
    }

    /** The width in pixels of one line of text in the style. */
    public static double textWidth(String line, TextStyle style) {
        return style.font().getStringBounds(line, MEASURING).getWidth();
    }

    /**
     * The text drawn antialiased on a transparent BGRA canvas just large enough for it; lines
     * break at newlines and, when {@code maxWidth > 0}, between words so no line is wider
     * (a single word wider than that keeps its own line).
     */
    public static Mat text(String text, TextStyle style, int maxWidth) {
        Font font = style.font();
        List<String> lines = wrap(text, style, maxWidth);
        var metrics = font.getLineMetrics("Hg", MEASURING);
        int lineHeight = (int) Math.ceil(metrics.getAscent() + metrics.getDescent() + metrics.getLeading());
        int widest = (int) Math.ceil(lines.stream().mapToDouble(l -> textWidth(l, style)).max().orElse(1));
        int width = Math.max(1, maxWidth > 0 ? Math.max(maxWidth, widest) : widest);
        int height = Math.max(1, lineHeight * lines.size());
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setFont(font);
            g.setColor(awtColour(style.colour()));
            for (int i = 0; i < lines.size(); i++) {
                double lineWidth = textWidth(lines.get(i), style);
                float x = switch (style.align()) {
                    case LEFT -> 0f;
                    case CENTER -> (float) ((width - lineWidth) / 2);
                    case RIGHT -> (float) (width - lineWidth);
                };
                g.drawString(lines.get(i), x, i * lineHeight + metrics.getAscent());
            }
        } finally {
            g.dispose();
        }
        return toBgra(canvas);
    }

    static List<String> wrap(String text, TextStyle style, int maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (maxWidth > 0 && !line.isEmpty() && textWidth(candidate, style) > maxWidth) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static Color awtColour(String hex) {
        Scalar bgra = Colors.bgra(hex);
        return new Color((int) bgra.get(2), (int) bgra.get(1), (int) bgra.get(0), (int) bgra.get(3));
    }

    /** An ARGB Java2D image as a BGRA Mat: a little-endian ARGB int is the bytes B, G, R, A. */
    private static Mat toBgra(BufferedImage argb) {
        int[] pixels = ((DataBufferInt) argb.getRaster().getDataBuffer()).getData();
        ByteBuffer bytes = ByteBuffer.allocate(pixels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(pixels);
        Mat bgra = new Mat(argb.getHeight(), argb.getWidth(), CV_8UC4);
        bgra.data().put(bytes.array());
        return bgra;
    }

    // ---- blending internals ----

    private static Mat colourOf(Mat image) {
        Mat bgr = new Mat();
        switch (image.channels()) {
            case 4 -> cvtColor(image, bgr, COLOR_BGRA2BGR);
            case 3 -> image.copyTo(bgr);
            default -> cvtColor(image, bgr, COLOR_GRAY2BGR);
        }
        Mat f = new Mat();
        bgr.convertTo(f, CV_32F, 1.0 / 255, 0);
        bgr.close();
        return f;
    }

    private static Mat alphaOf(Mat image, double opacity) {
        if (image.channels() != 4) {
            return new Mat(image.rows(), image.cols(), CV_32FC1, new Scalar(Math.min(1.0, opacity)));
        }
        try (Mat alpha = new Mat()) {
            extractChannel(image, alpha, 3);
            Mat f = new Mat();
            alpha.convertTo(f, CV_32F, Math.min(1.0, opacity) / 255, 0);
            return f;
        }
    }

    private static Mat mix(Mat under, Mat over, BlendMode mode) {
        Mat mixed = new Mat();
        switch (mode) {
            case NORMAL -> over.copyTo(mixed);
            case MULTIPLY -> multiply(under, over, mixed);
            case SCREEN -> {
                // 1 - (1 - a)(1 - b) = a + b - ab
                try (Mat product = new Mat()) {
                    multiply(under, over, product);
                    add(under, over, mixed);
                    subtract(mixed, product, mixed);
                }
            }
        }
        return mixed;
    }
}
