package com.imagestudio.flow.activities.nodes.social;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

public enum CropMode implements ChoiceEnum {
    SMART("Smart crop", "Crop to the format where the picture draws the eye (saliency), keeping faces in"),
    CENTER("Centre crop", "Crop to the format around the centre"),
    FIT("Fit (pad)", "Show the whole picture, padding the rest of the format with the background colour");

    private final String label;
    private final String description;

    CropMode(String label, String description) {
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
