package com.imagestudio.flow.activities.testing;

/**
 * A pixel colour as people name it. Colours read back from lossy images are snapped to the
 * nearest named colour when close enough, so tests can say {@code isEqualTo(Rgb.RED)}.
 */
public record Rgb(int r, int g, int b) {

    public static final Rgb RED = new Rgb(255, 0, 0);
    public static final Rgb GREEN = new Rgb(0, 255, 0);
    public static final Rgb BLUE = new Rgb(0, 0, 255);
    public static final Rgb WHITE = new Rgb(255, 255, 255);
    public static final Rgb BLACK = new Rgb(0, 0, 0);
    public static final Rgb YELLOW = new Rgb(255, 255, 0);

    private static final Rgb[] NAMED = {RED, GREEN, BLUE, WHITE, BLACK, YELLOW};

    /** How far a lossy codec may move a flat colour and still be called by its name. */
    private static final int TOLERANCE = 40;

    public int maxDifference(Rgb other) {
        return Math.max(Math.abs(r - other.r), Math.max(Math.abs(g - other.g), Math.abs(b - other.b)));
    }

    /** The named colour this one is close to, or itself. */
    public Rgb snapped() {
        for (Rgb named : NAMED) {
            if (maxDifference(named) <= TOLERANCE) {
                return named;
            }
        }
        return this;
    }
}
