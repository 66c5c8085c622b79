package com.imagestudio.flow.catalog.reference;

import com.imagestudio.flow.catalog.provider.Provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.imagestudio.flow.catalog.provider.Provider.GEMINI;
import static com.imagestudio.flow.catalog.provider.Provider.STABILITY;
import static com.imagestudio.flow.catalog.provider.Provider.WAVESPEED;

/**
 * The publishing formats of the create studio, as data: pixel size, a composition hint, and a
 * suggested provider and model. Ids are stable: saved graphs refer to them.
 */
public final class PlatformTemplates {

    private static final String CENTRED = "centred subject";
    private static final String SAFE_TOP_BOTTOM = "subject in the middle third, calm space at top and bottom for overlays";
    private static final String WIDE = "wide composition, subject off-centre, room for a headline";
    private static final String BANNER = "panoramic banner, subject to one side, uncluttered background";
    private static final String PRODUCT = "single product centred on a clean background, fills most of the frame";
    private static final String TEXT = "bold readable headline text, high contrast";

    private static final List<PlatformTemplate> ALL = List.of(
            t("instagram_square", "Instagram post (square)", "Instagram", 1080, 1080, CENTRED, STABILITY, "core"),
            t("instagram_portrait", "Instagram post (portrait)", "Instagram", 1080, 1350, CENTRED, STABILITY, "core"),
            t("instagram_story", "Instagram story", "Instagram", 1080, 1920, SAFE_TOP_BOTTOM, STABILITY, "core"),
            t("instagram_reel_cover", "Instagram reel cover", "Instagram", 1080, 1920, SAFE_TOP_BOTTOM, STABILITY, "core"),
            t("facebook_post", "Facebook post", "Facebook", 1200, 630, WIDE, STABILITY, "core"),
            t("facebook_cover", "Facebook cover", "Facebook", 820, 312, BANNER, STABILITY, "core"),
            t("facebook_story", "Facebook story", "Facebook", 1080, 1920, SAFE_TOP_BOTTOM, STABILITY, "core"),
            t("x_post", "X (Twitter) post", "X", 1600, 900, WIDE, STABILITY, "core"),
            t("x_header", "X (Twitter) header", "X", 1500, 500, BANNER, STABILITY, "core"),
            t("linkedin_post", "LinkedIn post", "LinkedIn", 1200, 627, WIDE, STABILITY, "core"),
            t("linkedin_banner", "LinkedIn profile banner", "LinkedIn", 1584, 396, BANNER, STABILITY, "core"),
            t("linkedin_company_cover", "LinkedIn company cover", "LinkedIn", 1128, 191, BANNER, STABILITY, "core"),
            t("pinterest_pin", "Pinterest pin", "Pinterest", 1000, 1500, "tall composition, subject in the upper half, " + TEXT, WAVESPEED, "ideogram_v3_turbo"),
            t("pinterest_long_pin", "Pinterest long pin", "Pinterest", 1000, 2100, "tall infographic layout, " + TEXT, WAVESPEED, "ideogram_v3_turbo"),
            t("youtube_thumbnail", "YouTube thumbnail", "YouTube", 1280, 720, "expressive subject on one side, " + TEXT, WAVESPEED, "ideogram_v3_turbo"),
            t("youtube_banner", "YouTube channel art", "YouTube", 2560, 1440, "important content in the central band", STABILITY, "ultra"),
            t("tiktok_cover", "TikTok cover", "TikTok", 1080, 1920, SAFE_TOP_BOTTOM, STABILITY, "core"),
            t("snapchat_ad", "Snapchat ad", "Snapchat", 1080, 1920, SAFE_TOP_BOTTOM, STABILITY, "core"),
            t("threads_post", "Threads post", "Threads", 1080, 1350, CENTRED, STABILITY, "core"),
            t("reddit_post", "Reddit post", "Reddit", 1200, 628, WIDE, STABILITY, "core"),
            t("whatsapp_status", "WhatsApp status", "WhatsApp", 1080, 1920, SAFE_TOP_BOTTOM, STABILITY, "core"),
            t("discord_banner", "Discord server banner", "Discord", 960, 540, WIDE, STABILITY, "core"),
            t("twitch_banner", "Twitch profile banner", "Twitch", 1200, 480, BANNER, STABILITY, "core"),
            t("blog_header", "Blog header", "Web", 1920, 1080, WIDE, STABILITY, "ultra"),
            t("website_hero", "Website hero", "Web", 1920, 1080, "wide hero image, calm area on the left for copy", STABILITY, "ultra"),
            t("email_header", "Email header", "Email", 1200, 400, BANNER, STABILITY, "core"),
            t("ecommerce_product", "E-commerce product (square)", "Shop", 2000, 2000, PRODUCT, STABILITY, "ultra"),
            t("etsy_listing", "Etsy listing", "Etsy", 2700, 2025, PRODUCT, STABILITY, "ultra"),
            t("display_ad_rectangle", "Display ad (medium rectangle)", "Ads", 1200, 1000, TEXT, WAVESPEED, "ideogram_v3_turbo"),
            t("presentation_slide", "Presentation slide", "Slides", 1920, 1080, WIDE, GEMINI, "gemini_2_5_flash_image"),
            t("podcast_cover", "Podcast cover", "Podcasts", 3000, 3000, "square cover art, " + TEXT, WAVESPEED, "ideogram_v3_turbo"),
            t("print_a4_portrait", "Print A4 (portrait, 300 dpi)", "Print", 2480, 3508, "poster layout with margins", STABILITY, "ultra"));

    private static final Map<String, PlatformTemplate> BY_ID = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(PlatformTemplate::id, Function.identity()));

    private PlatformTemplates() {
    }

    public static List<PlatformTemplate> all() {
        return ALL;
    }

    public static Optional<PlatformTemplate> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    private static PlatformTemplate t(String id, String name, String platform, int width, int height, String hint,
                                      Provider provider, String model) {
        return new PlatformTemplate(id, name, platform, width, height, hint, provider, model);
    }
}
