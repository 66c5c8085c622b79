package com.imagestudio.flow.activities.nodes.create;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** Text-to-image models run through WaveSpeed. */
public enum WaveSpeedImageModel implements ChoiceEnum {
    IDEOGRAM_V3_TURBO("Ideogram V3 Turbo", "Best at text in images: posters, logos, thumbnails",
            "ideogram-ai/ideogram-v3-turbo", "wavespeed.ideogram-v3-turbo"),
    QWEN_IMAGE("Qwen Image", "20B text-to-image model, strong English and Chinese text rendering",
            "wavespeed-ai/qwen-image/text-to-image", "wavespeed.qwen-image");

    private final String label;
    private final String description;
    private final String modelId;
    private final String costKey;

    WaveSpeedImageModel(String label, String description, String modelId, String costKey) {
        this.label = label;
        this.description = description;
        this.modelId = modelId;
        this.costKey = costKey;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    public String modelId() {
        return modelId;
    }

    public String costKey() {
        return costKey;
    }
}
