package com.imagestudio.flow.activities.providers;

import com.imagestudio.flow.catalog.provider.Provider;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each provider is and the key to call it with. The engine builds it from its configuration
 * (usually {@link #fromEnvironment(Map)} over {@code System.getenv()}); tests point the base URLs at
 * a mock server. A provider without a key is simply not configured.
 *
 * @param endpoints             base URL and key per configured provider
 * @param allowPrivateDownloads whether result URLs may point at loopback or private addresses
 *                              (only for tests against a local mock server)
 */
public record ProviderSettings(Map<Provider, Endpoint> endpoints, boolean allowPrivateDownloads) {

    public static final Map<Provider, String> DEFAULT_BASE_URLS = Map.of(
            Provider.STABILITY, "https://api.stability.ai",
            Provider.WAVESPEED, "https://api.wavespeed.ai",
            Provider.HUGGING_FACE, "https://router.huggingface.co",
            Provider.GEMINI, "https://generativelanguage.googleapis.com");

    /** A provider's base URL (no trailing slash) and API key. */
    public record Endpoint(String baseUrl, ApiKey key) {
        public Endpoint {
            baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }
    }

    public ProviderSettings {
        endpoints = Collections.unmodifiableMap(endpoints.isEmpty()
                ? new EnumMap<>(Provider.class) : new EnumMap<>(endpoints));
    }

    public static ProviderSettings none() {
        return new ProviderSettings(Map.of(), false);
    }

    /**
     * Keys from the provider environment variables ({@code STABILITY_API_KEY}, {@code WAVESPEED_API_KEY},
     * {@code HF_TOKEN}, {@code GEMINI_API_KEY}); a base URL may be overridden with the variable name
     * ending in {@code _BASE_URL} instead of the key suffix (for example {@code STABILITY_BASE_URL}).
     */
    public static ProviderSettings fromEnvironment(Map<String, String> environment) {
        Map<Provider, Endpoint> endpoints = new EnumMap<>(Provider.class);
        for (Provider provider : Provider.values()) {
            String key = environment.get(provider.envVariable());
            if (key != null && !key.isBlank()) {
                String baseUrl = environment.getOrDefault(baseUrlVariable(provider), DEFAULT_BASE_URLS.get(provider));
                endpoints.put(provider, new Endpoint(baseUrl, ApiKey.of(key)));
            }
        }
        return new ProviderSettings(endpoints, false);
    }

    /** STABILITY_API_KEY -> STABILITY_BASE_URL, HF_TOKEN -> HF_BASE_URL. */
    static String baseUrlVariable(Provider provider) {
        return provider.envVariable().replaceFirst("_(API_KEY|TOKEN)$", "") + "_BASE_URL";
    }

    public ProviderSettings with(Provider provider, String baseUrl, String key) {
        Map<Provider, Endpoint> copy = new EnumMap<>(Provider.class);
        copy.putAll(endpoints);
        copy.put(provider, new Endpoint(baseUrl, ApiKey.of(key)));
        return new ProviderSettings(copy, allowPrivateDownloads);
    }

    public ProviderSettings allowingPrivateDownloads() {
        return new ProviderSettings(endpoints, true);
    }

    public Optional<Endpoint> endpoint(Provider provider) {
        return Optional.ofNullable(endpoints.get(provider));
    }

    /** The providers with a key: what the engine passes to graph validation. */
    public Set<Provider> configured() {
        return endpoints.isEmpty() ? Set.of() : Set.copyOf(endpoints.keySet());
    }
}
