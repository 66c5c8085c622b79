package com.imagestudio.flow.catalog.reference;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

import java.util.Collection;
import java.util.Comparator;

/** Aspect ratios that image providers accept by name (they take a ratio, not a pixel size). */
public enum AspectRatio implements ChoiceEnum {
    SQUARE("1:1", 1, 1),
    LANDSCAPE_16_9("16:9", 16, 9),
    PORTRAIT_9_16("9:16", 9, 16),
    LANDSCAPE_21_9("21:9", 21, 9),
    PORTRAIT_9_21("9:21", 9, 21),
    LANDSCAPE_3_2("3:2", 3, 2),
    PORTRAIT_2_3("2:3", 2, 3),
    LANDSCAPE_4_3("4:3", 4, 3),
    PORTRAIT_3_4("3:4", 3, 4),
    LANDSCAPE_5_4("5:4", 5, 4),
    PORTRAIT_4_5("4:5", 4, 5);

    private final String label;
    private final int width;
    private final int height;

    AspectRatio(String label, int width, int height) {
        this.label = label;
        this.width = width;
        this.height = height;
    }

    /** As providers spell it: "16:9". */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return (width > height ? "Landscape " : width < height ? "Portrait " : "Square ") + label;
    }

    public double value() {
        return (double) width / height;
    }

    /** The ratio among {@code allowed} closest to width:height (compared on a log scale). */
    public static AspectRatio nearest(int width, int height, Collection<AspectRatio> allowed) {
        double target = Math.log((double) width / height);
        return allowed.stream()
                .min(Comparator.comparingDouble(r -> Math.abs(Math.log(r.value()) - target)))
                .orElseThrow(() -> new IllegalArgumentException("no aspect ratio allowed"));
    }
}
