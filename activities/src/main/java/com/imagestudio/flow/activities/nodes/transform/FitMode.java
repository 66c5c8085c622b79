package com.imagestudio.flow.activities.nodes.transform;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

public enum FitMode implements ChoiceEnum {
    FIT("Fit inside", "Scale to fit inside the box, keeping the aspect ratio; the result may be smaller on one side"),
    FILL("Fill (cover)", "Scale to cover the box, keeping the aspect ratio, and crop the overflow around the centre"),
    EXACT("Exact (stretch)", "Scale to exactly the box, changing the aspect ratio if needed");

    private final String label;
    private final String description;

    FitMode(String label, String description) {
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
