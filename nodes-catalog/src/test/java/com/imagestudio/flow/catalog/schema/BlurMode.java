package com.imagestudio.flow.catalog.schema;

/** The choices of the fake Blur node's ENUM parameter. */
public enum BlurMode implements ChoiceEnum {
    GAUSSIAN("Gaussian", "Smooth, weighted by distance"),
    BOX("Box", "Flat average of the neighbourhood");

    private final String label;
    private final String description;

    BlurMode(String label, String description) {
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
