package com.imagestudio.flow.activities.nodes.transform;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

public enum UpscaleFactor implements ChoiceEnum {
    X2("2x", "Twice the width and height (four times the pixels)", 2),
    X4("4x", "Four times the width and height (sixteen times the pixels)", 4);

    private final String label;
    private final String description;
    private final int factor;

    UpscaleFactor(String label, String description, int factor) {
        this.label = label;
        this.description = description;
        this.factor = factor;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    public int factor() {
        return factor;
    }
}
