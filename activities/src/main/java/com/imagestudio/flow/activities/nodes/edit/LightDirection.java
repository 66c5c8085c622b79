package com.imagestudio.flow.activities.nodes.edit;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** Where the new light comes from when relighting; NONE leaves it to the model. */
public enum LightDirection implements ChoiceEnum {
    NONE("Automatic", "Let the model match the background"),
    LEFT("Left", "Light from the left"),
    RIGHT("Right", "Light from the right"),
    ABOVE("Above", "Light from above"),
    BELOW("Below", "Light from below");

    private final String label;
    private final String description;

    LightDirection(String label, String description) {
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
