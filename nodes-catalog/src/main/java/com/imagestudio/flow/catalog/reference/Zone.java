package com.imagestudio.flow.catalog.reference;

import java.util.Objects;

/**
 * A rectangle of a platform format, in pixels from the top-left corner, that the platform's
 * interface covers or crops (a story's top and bottom bars, a profile photo over a banner).
 */
public record Zone(String label, int x, int y, int width, int height) {

    public Zone {
        Objects.requireNonNull(label, "label");
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a zone is a non-empty rectangle at x, y >= 0: " + label);
        }
    }

    public static Zone top(String label, int canvasWidth, int height) {
        return new Zone(label, 0, 0, canvasWidth, height);
    }

    public static Zone bottom(String label, int canvasWidth, int canvasHeight, int height) {
        return new Zone(label, 0, canvasHeight - height, canvasWidth, height);
    }

    public static Zone left(String label, int canvasHeight, int width) {
        return new Zone(label, 0, 0, width, canvasHeight);
    }

    public static Zone right(String label, int canvasWidth, int canvasHeight, int width) {
        return new Zone(label, canvasWidth - width, 0, width, canvasHeight);
    }
}
