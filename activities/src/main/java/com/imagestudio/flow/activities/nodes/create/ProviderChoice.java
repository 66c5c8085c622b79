package com.imagestudio.flow.activities.nodes.create;

import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** Which provider creates the image, or the first configured one. */
public enum ProviderChoice implements ChoiceEnum {
    AUTO("Automatic", "The template's suggested provider if it has a key, else the first configured", null),
    STABILITY("Stability AI", "Stable Image Core or Ultra", Provider.STABILITY),
    WAVESPEED("WaveSpeed", "Ideogram V3 Turbo: best at text in images", Provider.WAVESPEED),
    HUGGING_FACE("Hugging Face", "FLUX.1 schnell on Hugging Face Inference", Provider.HUGGING_FACE),
    GEMINI("Google Gemini", "Gemini image model", Provider.GEMINI);

    private final String label;
    private final String description;
    private final Provider provider;

    ProviderChoice(String label, String description, Provider provider) {
        this.label = label;
        this.description = description;
        this.provider = provider;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    /** The provider, or null for AUTO. */
    public Provider provider() {
        return provider;
    }
}
