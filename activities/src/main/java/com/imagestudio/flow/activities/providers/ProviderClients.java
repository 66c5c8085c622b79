package com.imagestudio.flow.activities.providers;

import com.imagestudio.flow.activities.providers.gemini.GeminiClient;
import com.imagestudio.flow.activities.providers.huggingface.HuggingFaceClient;
import com.imagestudio.flow.activities.providers.stability.StabilityClient;
import com.imagestudio.flow.activities.providers.wavespeed.WaveSpeedClient;
import com.imagestudio.flow.catalog.provider.Provider;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The provider clients a worker lends its nodes, built from {@link ProviderSettings}. Asking for a
 * provider without a key fails with a non-retryable {@link ProviderRejectedException} naming the
 * variable to set. One OkHttp connection pool is shared by all providers.
 */
public final class ProviderClients {

    private final ProviderSettings settings;
    private final OkHttpClient http;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;

    public ProviderClients(ProviderSettings settings, RetryPolicy retry, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(true)
                .build();
    }

    public static ProviderClients create(ProviderSettings settings) {
        return new ProviderClients(settings, RetryPolicy.DEFAULT, Sleeper.REAL, Clock.systemUTC());
    }

    public static ProviderClients none() {
        return create(ProviderSettings.none());
    }

    public Set<Provider> configured() {
        return settings.configured();
    }

    public boolean has(Provider provider) {
        return settings.endpoint(provider).isPresent();
    }

    /** The first of {@code preference} that has a key, for nodes that pick their provider. */
    public Provider firstConfigured(List<Provider> preference) {
        return preference.stream().filter(this::has).findFirst().orElseThrow(() -> new ProviderRejectedException(
                preference.get(0), 0, "no provider is configured on this worker; set one of "
                + String.join(", ", preference.stream().map(Provider::envVariable).toList())));
    }

    public StabilityClient stability() {
        var endpoint = endpoint(Provider.STABILITY);
        return new StabilityClient(endpoint, http(Provider.STABILITY, StabilityClient::errorMessage));
    }

    public WaveSpeedClient waveSpeed() {
        var endpoint = endpoint(Provider.WAVESPEED);
        return new WaveSpeedClient(endpoint, http(Provider.WAVESPEED, WaveSpeedClient::errorMessage));
    }

    public HuggingFaceClient huggingFace() {
        var endpoint = endpoint(Provider.HUGGING_FACE);
        return new HuggingFaceClient(endpoint, http(Provider.HUGGING_FACE, HuggingFaceClient::errorMessage));
    }

    public GeminiClient gemini() {
        var endpoint = endpoint(Provider.GEMINI);
        return new GeminiClient(endpoint, http(Provider.GEMINI, GeminiClient::errorMessage));
    }

    private ProviderSettings.Endpoint endpoint(Provider provider) {
        return settings.endpoint(provider).orElseThrow(() -> ProviderRejectedException.notConfigured(provider));
    }

    private ProviderHttp http(Provider provider, java.util.function.Function<ProviderResponse, String> errors) {
        return new ProviderHttp(provider, http, retry, sleeper, clock, settings.allowPrivateDownloads(), errors);
    }

    @Override
    public String toString() {
        return "ProviderClients" + configured();
    }
}
