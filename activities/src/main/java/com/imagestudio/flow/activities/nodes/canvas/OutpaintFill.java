package com.imagestudio.flow.activities.nodes.canvas;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** What fills the area added around an image. */
public enum OutpaintFill implements ChoiceEnum {
    REFLECT("Mirror the edges", "The image reflected at its edges: seamless for textures, skies and backdrops"),
    BLUR("Blurred stretch", "The whole image stretched to the canvas and blurred behind it, as video apps do"),
    COLOR("Solid colour", "A flat colour (with alpha for a transparent margin)"),
    INPAINT("Inpaint", "Grown from the edge pixels inwards: smooth continuations of the border colours");

    private final String label;
    private final String description;

    OutpaintFill(String label, String description) {
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
