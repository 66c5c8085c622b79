package com.imagestudio.flow.catalog.reference;

import com.imagestudio.flow.catalog.schema.ChoiceEnum;

import java.util.List;
import java.util.Locale;

/**
 * Image formats of the social platforms: size, aspect, upload limit and the zones their
 * interfaces cover. Sizes are the ones the platforms and the common guides published in
 * 2024-2025; the upload limits are the platforms' stated maxima for a still image (TikTok states
 * none for a cover: 10 MB is a conservative choice). The wire value of a constant (its name in
 * lower case, e.g. {@code instagram_story}) is what graphs store, so constants are never renamed.
 */
public enum SocialFormat implements ChoiceEnum {
    INSTAGRAM_SQUARE(Platform.INSTAGRAM, "Instagram square post", 1080, 1080, "1:1", mb(8)),
    INSTAGRAM_PORTRAIT(Platform.INSTAGRAM, "Instagram portrait post", 1080, 1350, "4:5", mb(8)),
    INSTAGRAM_STORY(Platform.INSTAGRAM, "Instagram story / reel", 1080, 1920, "9:16", mb(8),
            Zone.top("profile and progress bar", 1080, 250),
            Zone.bottom("reply bar", 1080, 1920, 340)),
    INSTAGRAM_LANDSCAPE(Platform.INSTAGRAM, "Instagram landscape post", 1080, 566, "1.91:1", mb(8)),
    FACEBOOK_POST(Platform.FACEBOOK, "Facebook post / link image", 1200, 630, "1.91:1", mb(30)),
    FACEBOOK_COVER(Platform.FACEBOOK, "Facebook page cover", 851, 315, "2.7:1", mb(30),
            Zone.left("cropped on phones", 315, 105),
            Zone.right("cropped on phones", 851, 315, 106)),
    FACEBOOK_STORY(Platform.FACEBOOK, "Facebook story", 1080, 1920, "9:16", mb(30),
            Zone.top("profile and progress bar", 1080, 250),
            Zone.bottom("reply bar", 1080, 1920, 250)),
    X_POST(Platform.X, "X (Twitter) post", 1600, 900, "16:9", mb(5)),
    X_HEADER(Platform.X, "X (Twitter) header", 1500, 500, "3:1", mb(2),
            Zone.top("cropped on some screens", 1500, 60),
            Zone.bottom("cropped on some screens", 1500, 500, 60),
            new Zone("profile photo", 0, 300, 300, 200)),
    LINKEDIN_POST(Platform.LINKEDIN, "LinkedIn post", 1200, 627, "1.91:1", mb(5)),
    LINKEDIN_BANNER(Platform.LINKEDIN, "LinkedIn profile banner", 1584, 396, "4:1", mb(8),
            new Zone("profile photo", 0, 198, 568, 198)),
    YOUTUBE_THUMBNAIL(Platform.YOUTUBE, "YouTube thumbnail", 1280, 720, "16:9", mb(2),
            new Zone("duration badge", 1120, 630, 160, 90)),
    YOUTUBE_BANNER(Platform.YOUTUBE, "YouTube channel banner", 2560, 1440, "16:9", mb(6),
            // only the centre 1546x423 shows on every device
            Zone.top("shown on TVs only", 2560, 508),
            Zone.bottom("shown on TVs only", 2560, 1440, 509),
            Zone.left("shown on TVs and desktops only", 1440, 507),
            Zone.right("shown on TVs and desktops only", 2560, 1440, 507)),
    PINTEREST_PIN(Platform.PINTEREST, "Pinterest pin", 1000, 1500, "2:3", mb(20)),
    TIKTOK_COVER(Platform.TIKTOK, "TikTok cover", 1080, 1920, "9:16", mb(10),
            Zone.top("tabs", 1080, 160),
            Zone.bottom("caption and music", 1080, 1920, 480),
            new Zone("action buttons", 940, 600, 140, 840));

    /** The platform a format belongs to. */
    public enum Platform {
        INSTAGRAM, FACEBOOK, X, LINKEDIN, YOUTUBE, PINTEREST, TIKTOK
    }

    private final Platform platform;
    private final String displayName;
    private final int width;
    private final int height;
    private final String aspect;
    private final long maxFileBytes;
    private final List<Zone> coveredZones;

    SocialFormat(Platform platform, String displayName, int width, int height, String aspect, long maxFileBytes,
                 Zone... coveredZones) {
        this.platform = platform;
        this.displayName = displayName;
        this.width = width;
        this.height = height;
        this.aspect = aspect;
        this.maxFileBytes = maxFileBytes;
        this.coveredZones = List.of(coveredZones);
    }

    /** The stable id graphs use, e.g. {@code instagram_story}. */
    public String id() {
        return ChoiceEnum.wireValue(this);
    }

    public Platform platform() {
        return platform;
    }

    public String displayName() {
        return displayName;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The aspect ratio as people name it, e.g. "4:5" or "1.91:1". */
    public String aspect() {
        return aspect;
    }

    public double ratio() {
        return (double) width / height;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** Where the platform's interface covers or crops the image; empty when it shows it all. */
    public List<Zone> coveredZones() {
        return coveredZones;
    }

    /**
     * The largest rectangle no full-width or full-height band covers. Smaller zones (a profile
     * photo, a badge) are left for the preview overlay to show.
     */
    public SafeArea safeArea() {
        int top = 0;
        int bottom = 0;
        int left = 0;
        int right = 0;
        for (Zone z : coveredZones) {
            boolean fullWidth = z.x() == 0 && z.width() == width;
            boolean fullHeight = z.y() == 0 && z.height() == height;
            if (fullWidth && z.y() == 0) {
                top = Math.max(top, z.height());
            } else if (fullWidth && z.y() + z.height() == height) {
                bottom = Math.max(bottom, z.height());
            } else if (fullHeight && z.x() == 0) {
                left = Math.max(left, z.width());
            } else if (fullHeight && z.x() + z.width() == width) {
                right = Math.max(right, z.width());
            }
        }
        return new SafeArea(left, top, width - left - right, height - top - bottom);
    }

    public static SocialFormat ofId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String label() {
        return displayName;
    }

    @Override
    public String description() {
        return width + "x" + height + " (" + aspect + "), up to " + (maxFileBytes / (1024 * 1024)) + " MB";
    }

    private static long mb(int megabytes) {
        return megabytes * 1024L * 1024L;
    }
}
