package com.imagestudio.flow.activities.nodes.video;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** Output frame sizes; all even, as H.264 in 4:2:0 needs. */
public enum VideoFrame implements ChoiceEnum {
    PORTRAIT_1080("1080x1920 (9:16)", "Stories, reels, shorts", 1080, 1920),
    LANDSCAPE_1080("1920x1080 (16:9)", "Full HD landscape", 1920, 1080),
    SQUARE_1080("1080x1080 (1:1)", "Square feed video", 1080, 1080),
    PORTRAIT_720("720x1280 (9:16)", "Lighter portrait video: previews and drafts", 720, 1280),
    LANDSCAPE_720("1280x720 (16:9)", "HD landscape", 1280, 720),
    SQUARE_720("720x720 (1:1)", "Lighter square video", 720, 720);

    private final String label;
    private final String description;
    private final int width;
    private final int height;

    VideoFrame(String label, String description, int width, int height) {
        this.label = label;
        this.description = description;
        this.width = width;
        this.height = height;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
