package com.imagestudio.flow.activities.image;

import java.util.Arrays;
import java.util.Optional;

/** The image formats the studio reads, recognised by their magic bytes, never by a name or header. */
public enum ImageFormat {
    JPEG("image/jpeg", ".jpg", new int[] {0xFF, 0xD8, 0xFF}),
    PNG("image/png", ".png", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    WEBP("image/webp", ".webp", null),
    BMP("image/bmp", ".bmp", new int[] {'B', 'M'}),
    TIFF("image/tiff", ".tiff", null),
    /** Written through FFmpeg (AV1 in a HEIF container); not read: no decoder on the read path. */
    AVIF("image/avif", ".avif", null);

    private final String mediaType;
    private final String extension;
    private final int[] magic;

    ImageFormat(String mediaType, String extension, int[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether the studio decodes it: every format it writes but AVIF. */
    public boolean readable() {
        return this != AVIF;
    }

    /** The file extension OpenCV's encoder is chosen by. */
    public String extension() {
        return extension;
    }

    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, "RIFF".getBytes(), 0) && startsWith(bytes, "WEBP".getBytes(), 8)) {
            return Optional.of(WEBP);
        }
        // an ISO-BMFF file: a "ftyp" box first, whose major brand names an AVIF still or sequence
        if (startsWith(bytes, "ftyp".getBytes(), 4)
                && (startsWith(bytes, "avif".getBytes(), 8) || startsWith(bytes, "avis".getBytes(), 8))) {
            return Optional.of(AVIF);
        }
        if (startsWith(bytes, new byte[] {'I', 'I', 42, 0}, 0) || startsWith(bytes, new byte[] {'M', 'M', 0, 42}, 0)) {
            return Optional.of(TIFF);
        }
        return Arrays.stream(values())
                .filter(f -> f.magic != null && startsWith(bytes, toBytes(f.magic), 0))
                .findFirst();
    }

    public static Optional<ImageFormat> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(f -> f.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }

    /** A name people recognise for a file that is not one of ours, for error messages. */
    public static String describeUnknown(byte[] bytes) {
        if (bytes.length == 0) {
            return "an empty file";
        }
        if (startsWith(bytes, "GIF8".getBytes(), 0)) {
            return "a GIF image (not supported: use PNG, JPEG or WebP)";
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 256), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (head.startsWith("<?xml") || head.startsWith("<svg")) {
            return head.contains("<svg") ? "an SVG drawing (vector images are not supported: export it as PNG)"
                    : "an XML document";
        }
        if (startsWith(bytes, "%PDF".getBytes(), 0)) {
            return "a PDF document";
        }
        return "not an image in a supported format (PNG, JPEG, WebP, BMP, TIFF)";
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int offset) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] toBytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
