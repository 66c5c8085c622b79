package com.imagestudio.flow.activities.nodes.video;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** The clip lengths WAN 2.5 makes. */
public enum ClipLength implements ChoiceEnum {
    FIVE_SECONDS("5 s", 5),
    TEN_SECONDS("10 s", 10);

    private final String label;
    private final int seconds;

    ClipLength(String label, int seconds) {
        this.label = label;
        this.seconds = seconds;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return seconds + " seconds of video";
    }

    public int seconds() {
        return seconds;
    }
}
