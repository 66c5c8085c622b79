package com.imagestudio.flow.catalog.reference;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

import java.util.Optional;

/**
 * The compression studio's presets: a file format, a quality and the longest side an image is
 * shrunk to (never enlarged). {@link #CUSTOM} has no settings of its own: the node's format and
 * quality apply.
 */
public enum CompressionPreset implements ChoiceEnum {
    CUSTOM("Custom", "Use the format and quality set on the node", null),
    WEB_OPTIMIZED("Web optimized", "WebP, quality 80, longest side 1920 px",
            new Settings(FileFormat.WEBP, 80, 1920)),
    EMAIL_FRIENDLY("Email friendly", "JPEG, quality 70, longest side 1200 px",
            new Settings(FileFormat.JPEG, 70, 1200)),
    SOCIAL_MEDIA("Social media", "JPEG, quality 85, longest side 2048 px",
            new Settings(FileFormat.JPEG, 85, 2048)),
    HIGH_QUALITY("High quality", "JPEG, quality 95, full size",
            new Settings(FileFormat.JPEG, 95, 0)),
    MAXIMUM_COMPRESSION("Maximum compression", "WebP, quality 50, longest side 1280 px",
            new Settings(FileFormat.WEBP, 50, 1280));

    /** The formats a preset can write. */
    public enum FileFormat {
        JPEG, PNG, WEBP
    }

    /**
     * @param maxSide the longest side in pixels an image is shrunk to; 0 keeps its size
     */
    public record Settings(FileFormat format, int quality, int maxSide) {
        public Settings {
            if (quality < 1 || quality > 100 || maxSide < 0) {
                throw new IllegalArgumentException("quality is 1 to 100 and maxSide at least 0");
            }
        }
    }

    private final String label;
    private final String description;
    private final Settings settings;

    CompressionPreset(String label, String description, Settings settings) {
        this.label = label;
        this.description = description;
        this.settings = settings;
    }

    /** The preset's settings; empty for {@link #CUSTOM}. */
    public Optional<Settings> settings() {
        return Optional.ofNullable(settings);
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
