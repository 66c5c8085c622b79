package com.imagestudio.flow.activities.nodes.video;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** Where the camera travels across the picture; the other axis stays centred. */
public enum PanDirection implements ChoiceEnum {
    NONE("None", "Stay centred: zoom only"),
    LEFT_TO_RIGHT("Left to right", "Start on the left edge, end on the right"),
    RIGHT_TO_LEFT("Right to left", "Start on the right edge, end on the left"),
    TOP_TO_BOTTOM("Top to bottom", "Start at the top, end at the bottom"),
    BOTTOM_TO_TOP("Bottom to top", "Start at the bottom, end at the top");

    private final String label;
    private final String description;

    PanDirection(String label, String description) {
        this.label = label;
        this.description = description;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    /** Position of the window along x, 0 (left) to 1 (right), at eased progress {@code e}. */
    double x(double e) {
        return switch (this) {
            case LEFT_TO_RIGHT -> e;
            case RIGHT_TO_LEFT -> 1 - e;
            default -> 0.5;
        };
    }

    /** Position of the window along y, 0 (top) to 1 (bottom), at eased progress {@code e}. */
    double y(double e) {
        return switch (this) {
            case TOP_TO_BOTTOM -> e;
            case BOTTOM_TO_TOP -> 1 - e;
            default -> 0.5;
        };
    }
}
