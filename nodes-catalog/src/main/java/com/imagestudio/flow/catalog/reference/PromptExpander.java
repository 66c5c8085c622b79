package com.imagestudio.flow.catalog.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prompt enhancement without a model: the prompt, then the style's fragments, the template's
 * composition hint and a few quality words, each added once (a fragment the prompt already says is
 * not repeated). Deterministic: the same input always gives the same prompt, so it caches.
 */
public final class PromptExpander {

    private static final List<String> QUALITY = List.of("highly detailed", "balanced composition", "professional quality");

    private PromptExpander() {
    }

    public record Expanded(String prompt, String negativePrompt) {
    }

    /**
     * @param style    a preset, or null
     * @param template a publishing format, or null
     */
    public static Expanded expand(String prompt, StylePreset style, PlatformTemplate template) {
        String base = prompt == null ? "" : prompt.strip();
        List<String> additions = new ArrayList<>();
        if (style != null) {
            additions.addAll(style.promptFragments());
        }
        if (template != null) {
            additions.add(template.compositionHint());
        }
        additions.addAll(QUALITY);
        String said = base.toLowerCase(Locale.ROOT);
        Set<String> kept = new LinkedHashSet<>();
        for (String fragment : additions) {
            String f = fragment.strip();
            if (!f.isEmpty() && !said.contains(f.toLowerCase(Locale.ROOT))) {
                kept.add(f);
            }
        }
        StringBuilder out = new StringBuilder(base);
        for (String f : kept) {
            out.append(out.isEmpty() ? "" : ", ").append(f);
        }
        return new Expanded(out.toString(), style == null ? "" : style.negativePrompt());
    }
}
