package com.imagestudio.flow.activities.image;

/**
 * The EXIF orientation of a JPEG, read from its APP1 segment without decoding. OpenCV turns a
 * JPEG's pixels as this tag asks when it decodes, so the probe must report the turned size too.
 */
final class JpegOrientation {

    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP1 = 0xE1;
    private static final int ORIENTATION_TAG = 0x0112;

    private JpegOrientation() {
    }

    /** Whether the image is displayed turned a quarter (orientations 5 to 8): width and height swap. */
    static boolean swapsSides(byte[] jpeg) {
        int orientation = of(jpeg);
        return orientation >= 5 && orientation <= 8;
    }

    /** The orientation tag (1 to 8), or 1 when there is none or the metadata is malformed. */
    static int of(byte[] jpeg) {
        return scan(jpeg).orientation();
    }

    /**
     * Whether every segment before the image data (the frame header, EXIF among them) is within
     * these bytes: then the start of a file is enough to probe it.
     */
    static boolean headerWithin(byte[] start) {
        return scan(start).reachedImageData();
    }

    /** What the segments before the image data say: the first EXIF orientation, and whether the walk got there. */
    private record Scan(int orientation, boolean reachedImageData) {
    }

    private static Scan scan(byte[] jpeg) {
        int orientation = 0;
        int pos = 2;
        while (pos + 4 <= jpeg.length && u8(jpeg, pos) == 0xFF) {
            int marker = u8(jpeg, pos + 1);
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == SOS || marker == EOI) {
                return new Scan(Math.max(orientation, 1), marker == SOS);
            }
            int length = u16(jpeg, pos + 2, false);
            int start = pos + 4;
            int end = pos + 2 + length;
            if (length < 2 || end > jpeg.length) {
                break;
            }
            if (orientation == 0 && marker == APP1 && end - start > 14 && startsWithExif(jpeg, start)) {
                orientation = orientationInTiff(jpeg, start + 6, end);
            }
            pos = end;
        }
        return new Scan(Math.max(orientation, 1), false);
    }

    private static boolean startsWithExif(byte[] b, int at) {
        return b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f' && b[at + 4] == 0 && b[at + 5] == 0;
    }

    private static int orientationInTiff(byte[] b, int tiff, int end) {
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long ifd = tiff + u32(b, tiff + 4, little);
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == ORIENTATION_TAG) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? u8(b, at) | u8(b, at + 1) << 8 : u8(b, at) << 8 | u8(b, at + 1);
    }

    private static long u32(byte[] b, int at, boolean little) {
        return little
                ? (u16(b, at, true) | (long) u16(b, at + 2, true) << 16)
                : ((long) u16(b, at, false) << 16 | u16(b, at + 2, false));
    }
}
