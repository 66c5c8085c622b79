package com.imagestudio.flow.activities.image;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** How the lines of a text block line up. */
public enum TextAlign implements ChoiceEnum {
    LEFT("Left"),
    CENTER("Centre"),
    RIGHT("Right");

    private final String label;

    TextAlign(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return label + "-aligned lines";
    }
}
