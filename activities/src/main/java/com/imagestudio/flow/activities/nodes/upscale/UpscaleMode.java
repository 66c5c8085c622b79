package com.imagestudio.flow.activities.nodes.upscale;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** Stability AI's upscalers. */
public enum UpscaleMode implements ChoiceEnum {
    FAST("Fast (4x)", "Four times the resolution in about a second, faithful to the original"),
    CONSERVATIVE("Conservative (to 4 MP)", "Up to 4 megapixels keeping every detail, guided by a prompt"),
    CREATIVE("Creative (to 4 MP)", "Up to 4 megapixels re-imagining detail; best for very small or degraded images");

    private final String label;
    private final String description;

    UpscaleMode(String label, String description) {
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
        return "/v2beta/stable-image/upscale/" + name().toLowerCase();
    }

    public String costKey() {
        return "stability.upscale." + name().toLowerCase();
    }
}
