package com.imagestudio.flow.activities.nodes.control;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** Stability AI's control operations that take one image and a prompt. */
public enum ControlMode implements ChoiceEnum {
    SKETCH("Sketch", "Turn a rough sketch into a finished image following its lines"),
    STRUCTURE("Structure", "Keep the composition and shapes of the image, change its content"),
    STYLE("Style", "Create a new image in the style of the given one");

    private final String label;
    private final String description;

    ControlMode(String label, String description) {
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

    public String path() {
        return "/v2beta/stable-image/control/" + name().toLowerCase();
    }

    public String costKey() {
        return "stability.control." + name().toLowerCase();
    }
}
