package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.activities.node.BadInputException;

import java.util.Locale;

/**
 * The largest image a node may make: what every encoder we use can write (WebP stops at 16383
 * pixels a side) and what a worker can hold (100 MP, 400 MB as BGRA). Nodes that enlarge an
 * image check the result before they allocate it.
 */
public final class PixelBudget {

    public static final int MAX_SIDE = ImageProbe.MAX_SIDE;
    public static final long MAX_PIXELS = 100_000_000L;

    private PixelBudget() {
    }

    /** Refuses a result of the given size, naming what would have made it. */
    public static void checkResult(long width, long height, String what) {
        if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
            throw new BadInputException(what + " would make a " + width + "x" + height + " image ("
                    + String.format(Locale.ROOT, "%.1f", width * height / 1_000_000.0) + " MP); the limit is "
                    + MAX_SIDE + " pixels a side and " + MAX_PIXELS / 1_000_000 + " MP");
        }
    }
}
