package com.imagestudio.flow.activities.nodes.template;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

public enum GradientDirection implements ChoiceEnum {
    VERTICAL("Top to bottom"),
    HORIZONTAL("Left to right"),
    DIAGONAL("Top left to bottom right");

    private final String label;

    GradientDirection(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return "The first colour " + label.toLowerCase(java.util.Locale.ROOT).replace(" to ", ", the second ");
    }
}
