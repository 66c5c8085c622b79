package com.imagestudio.flow.catalog.reference;

import java.util.Map;
import java.util.TreeMap;

/**
 * Credits per provider operation and model, as data: one credit is one US cent of provider price,
 * rounded up. Nodes' cost functions read this table, so a price change is one line here.
 * Per-second video prices are per second of output.
 */
public final class ProviderCosts {

    private static final Map<String, Integer> CREDITS = new TreeMap<>(Map.ofEntries(
            // Stability AI v2beta (its own credits are one cent each)
            Map.entry("stability.generate.core", 3),
            Map.entry("stability.generate.ultra", 8),
            Map.entry("stability.generate.sd3.5-large", 7),
            Map.entry("stability.generate.sd3.5-large-turbo", 4),
            Map.entry("stability.generate.sd3.5-medium", 4),
            Map.entry("stability.edit.erase", 5),
            Map.entry("stability.edit.inpaint", 5),
            Map.entry("stability.edit.outpaint", 4),
            Map.entry("stability.edit.search-and-replace", 5),
            Map.entry("stability.edit.search-and-recolor", 5),
            Map.entry("stability.edit.remove-background", 5),
            Map.entry("stability.edit.replace-background-and-relight", 8),
            Map.entry("stability.upscale.fast", 2),
            Map.entry("stability.upscale.conservative", 40),
            Map.entry("stability.upscale.creative", 60),
            Map.entry("stability.control.sketch", 5),
            Map.entry("stability.control.structure", 5),
            Map.entry("stability.control.style", 5),
            Map.entry("stability.control.style-transfer", 8),
            // WaveSpeed
            Map.entry("wavespeed.ideogram-v3-turbo", 3),
            Map.entry("wavespeed.qwen-image", 2),
            Map.entry("wavespeed.wan-2.5-i2v.480p.per-second", 5),
            Map.entry("wavespeed.wan-2.5-i2v.720p.per-second", 10),
            Map.entry("wavespeed.wan-2.5-i2v.1080p.per-second", 15),
            Map.entry("wavespeed.infinitetalk.480p.per-second", 3),
            Map.entry("wavespeed.infinitetalk.720p.per-second", 6),
            Map.entry("wavespeed.face-swap-pro", 3),
            Map.entry("wavespeed.head-swap", 3),
            Map.entry("wavespeed.multi-face-swap", 16),
            Map.entry("wavespeed.infinite-you", 3),
            // Hugging Face Inference (serverless, billed by compute time: a flat estimate)
            Map.entry("hugging-face.text-to-image", 1),
            // Gemini image generation and editing (about 3.9 cents an image)
            Map.entry("gemini.image", 4)));

    private ProviderCosts() {
    }

    /** Credits for one unit of an operation; an unknown key is a programming error. */
    public static int credits(String operation) {
        Integer credits = CREDITS.get(operation);
        if (credits == null) {
            throw new IllegalArgumentException("no price for provider operation '" + operation + "'");
        }
        return credits;
    }

    public static Map<String, Integer> all() {
        return java.util.Collections.unmodifiableMap(CREDITS);
    }
}
