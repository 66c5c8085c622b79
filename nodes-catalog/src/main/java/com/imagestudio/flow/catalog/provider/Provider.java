package com.imagestudio.flow.catalog.provider;

/**
 * A remote service that generative nodes call. Each is enabled by one API key, read by the
 * engine from the environment variable named here; the catalog itself never reads it.
 */
public enum Provider {
    STABILITY("Stability AI", "STABILITY_API_KEY"),
    WAVESPEED("WaveSpeed", "WAVESPEED_API_KEY"),
    HUGGING_FACE("Hugging Face", "HF_TOKEN"),
    GEMINI("Google Gemini", "GEMINI_API_KEY");

    private final String displayName;
    private final String envVariable;

    Provider(String displayName, String envVariable) {
        this.displayName = displayName;
        this.envVariable = envVariable;
    }

    public String displayName() {
        return displayName;
    }

    /** The environment variable that holds this provider's API key. */
    public String envVariable() {
        return envVariable;
    }
}
