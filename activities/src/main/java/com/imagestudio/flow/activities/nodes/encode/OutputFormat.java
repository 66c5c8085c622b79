package com.imagestudio.flow.activities.nodes.encode;

import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.catalog.schema.ChoiceEnum;

public enum OutputFormat implements ChoiceEnum {
    JPEG("JPEG", "Photos: small files, no transparency", ImageFormat.JPEG),
    PNG("PNG", "Lossless, keeps transparency; large for photos", ImageFormat.PNG),
    WEBP("WebP", "Smaller than JPEG at the same quality, keeps transparency", ImageFormat.WEBP),
    AVIF("AVIF", "Smallest at the same quality (AV1); slower to write; transparency becomes white", ImageFormat.AVIF);

    private final String label;
    private final String description;
    private final ImageFormat format;

    OutputFormat(String label, String description, ImageFormat format) {
        this.label = label;
        this.description = description;
        this.format = format;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String description() {
        return description;
    }

    public ImageFormat format() {
        return format;
    }
}
