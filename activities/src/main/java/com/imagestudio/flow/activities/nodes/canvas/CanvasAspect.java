package com.imagestudio.flow.activities.nodes.canvas;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

/** A width:height ratio to extend a canvas to, or none (per-side pixels instead). */
public enum CanvasAspect implements ChoiceEnum {
    NONE("Per side", "Extend by the pixels given for each side", 0, 0),
    SQUARE("1:1", "Square: feeds and profile pictures", 1, 1),
    PORTRAIT_4_5("4:5", "Portrait feed post", 4, 5),
    STORY_9_16("9:16", "Stories, reels and shorts", 9, 16),
    LANDSCAPE_16_9("16:9", "Widescreen: video thumbnails, banners", 16, 9),
    PHOTO_3_2("3:2", "Classic landscape photo", 3, 2),
    PHOTO_2_3("2:3", "Classic portrait photo, pins", 2, 3),
    PHOTO_4_3("4:3", "Landscape, as most phones shoot", 4, 3),
    PHOTO_3_4("3:4", "Portrait, as most phones shoot", 3, 4);

    private final String label;
    private final String description;
    private final int width;
    private final int height;

    CanvasAspect(String label, String description, int width, int height) {
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

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
