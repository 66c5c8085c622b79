package com.imagestudio.flow.activities.nodes.video;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** Output resolution of a generated video, as WaveSpeed spells it. */
public enum VideoResolution implements ChoiceEnum {
    P480("480p", "Fastest and cheapest"),
    P720("720p", "HD"),
    P1080("1080p", "Full HD (WAN 2.5 only)");

    private final String label;
    private final String description;

    VideoResolution(String label, String description) {
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
