package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** Where something is placed in an area: one of nine points, with a margin from the edges. */
public enum Anchor implements ChoiceEnum {
    TOP_LEFT("Top left", 0, 0),
    TOP("Top centre", 1, 0),
    TOP_RIGHT("Top right", 2, 0),
    LEFT("Middle left", 0, 1),
    CENTER("Centre", 1, 1),
    RIGHT("Middle right", 2, 1),
    BOTTOM_LEFT("Bottom left", 0, 2),
    BOTTOM("Bottom centre", 1, 2),
    BOTTOM_RIGHT("Bottom right", 2, 2);

    /** A top-left corner in pixels. */
    public record Position(int x, int y) {
    }

    private final String label;
    private final int column;
    private final int row;

    Anchor(String label, int column, int row) {
        this.label = label;
        this.column = column;
        this.row = row;
    }

    /** The top-left corner of a {@code width x height} box anchored in a {@code areaWidth x areaHeight} area. */
    public Position place(int areaWidth, int areaHeight, int width, int height, int margin) {
        return new Position(offset(column, areaWidth, width, margin), offset(row, areaHeight, height, margin));
    }

    private static int offset(int slot, int area, int size, int margin) {
        return switch (slot) {
            case 0 -> margin;
            case 1 -> (area - size) / 2;
            default -> area - size - margin;
        };
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return label + " of the image";
    }
}
