package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** How an overlay's colours combine with the colours under it (before opacity and alpha apply). */
public enum BlendMode implements ChoiceEnum {
    NORMAL("Normal", "The overlay's colour replaces the colour under it"),
    MULTIPLY("Multiply", "Darkens: white leaves the base unchanged, black makes it black"),
    SCREEN("Screen", "Lightens: black leaves the base unchanged, white makes it white");

    private final String label;
    private final String description;

    BlendMode(String label, String description) {
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
}
