package com.imagestudio.flow.catalog.reference;

import com.imagestudio.flow.catalog.provider.Provider;

/**
 * A place an image is published: its pixel size, a composition hint for the prompt, and the
 * provider and model suggested for it (text-heavy formats suit Ideogram, photos Stability).
 */
public record PlatformTemplate(
        String id,
        String name,
        String platform,
        int width,
        int height,
        String compositionHint,
        Provider suggestedProvider,
        String suggestedModel) {

    public AspectRatio nearestRatio(java.util.Collection<AspectRatio> allowed) {
        return AspectRatio.nearest(width, height, allowed);
    }
}
