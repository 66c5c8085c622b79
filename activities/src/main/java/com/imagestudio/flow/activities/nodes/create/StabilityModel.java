package com.imagestudio.flow.activities.nodes.create;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** Stability AI text-to-image models: an endpoint under generate/, and for SD 3.5 a model field. */
public enum StabilityModel implements ChoiceEnum {
    CORE("Stable Image Core", "Fast and affordable, good defaults", "core", null),
    ULTRA("Stable Image Ultra", "Highest quality and detail", "ultra", null),
    SD3_5_LARGE("Stable Diffusion 3.5 Large", "Strong prompt adherence", "sd3", "sd3.5-large"),
    SD3_5_LARGE_TURBO("Stable Diffusion 3.5 Large Turbo", "Faster SD 3.5 Large", "sd3", "sd3.5-large-turbo"),
    SD3_5_MEDIUM("Stable Diffusion 3.5 Medium", "Balanced speed and quality", "sd3", "sd3.5-medium");

    private final String label;
    private final String description;
    private final String endpoint;
    private final String model;

    StabilityModel(String label, String description, String endpoint, String model) {
        this.label = label;
        this.description = description;
        this.endpoint = endpoint;
        this.model = model;
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
        return "/v2beta/stable-image/generate/" + endpoint;
    }

    /** The {@code model} field of the sd3 endpoint, or null. */
    public String model() {
        return model;
    }

    public String costKey() {
        return "stability.generate." + (model == null ? endpoint : model);
    }

    /** Only Core takes a style_preset among the generate endpoints' documented fields here. */
    public boolean takesStylePreset() {
        return this == CORE || this == ULTRA;
    }
}
