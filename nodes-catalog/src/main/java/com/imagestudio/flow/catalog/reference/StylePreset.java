package com.imagestudio.flow.catalog.reference;

import java.util.List;

/**
 * A look a person picks by name: the prompt fragments that ask for it, what to avoid, and the
 * matching setting of providers that have one (Stability's {@code style_preset}, Ideogram's
 * {@code style}); null where the provider has no such setting.
 */
public record StylePreset(
        String id,
        String name,
        List<String> promptFragments,
        String negativePrompt,
        String stabilityStylePreset,
        String ideogramStyle) {

    public StylePreset {
        promptFragments = List.copyOf(promptFragments);
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
    }
}
