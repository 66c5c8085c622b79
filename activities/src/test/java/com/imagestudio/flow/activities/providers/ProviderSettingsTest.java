package com.imagestudio.flow.activities.providers;

import com.imagestudio.flow.catalog.provider.Provider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderSettingsTest {

    @Test
    void onlyProvidersWithAKeyInTheEnvironmentAreConfigured() {
        ProviderSettings settings = ProviderSettings.fromEnvironment(Map.of(
                "STABILITY_API_KEY", "sk-stab-SECRET", "HF_TOKEN", "hf_SECRET", "GEMINI_API_KEY", "  "));

        assertThat(settings.configured()).containsExactlyInAnyOrder(Provider.STABILITY, Provider.HUGGING_FACE);
        assertThat(settings.endpoint(Provider.STABILITY).orElseThrow().baseUrl()).isEqualTo("https://api.stability.ai");
        assertThat(settings.endpoint(Provider.HUGGING_FACE).orElseThrow().baseUrl()).isEqualTo("https://router.huggingface.co");
    }

    @Test
    void aBaseUrlCanBeOverriddenNextToTheKey() {
        ProviderSettings settings = ProviderSettings.fromEnvironment(Map.of(
                "WAVESPEED_API_KEY", "ws-SECRET", "WAVESPEED_BASE_URL", "http://localhost:9000/"));

        assertThat(settings.endpoint(Provider.WAVESPEED).orElseThrow().baseUrl()).isEqualTo("http://localhost:9000");
    }

    @Test
    void keysAreMaskedWhereverSettingsAreShown() {
        ProviderSettings settings = ProviderSettings.fromEnvironment(Map.of("GEMINI_API_KEY", "AIza-SECRET"));

        assertThat(settings.toString()).doesNotContain("SECRET").contains("ApiKey[***]");
        assertThat(settings.endpoint(Provider.GEMINI).orElseThrow().toString()).doesNotContain("SECRET");
        assertThat(ProviderClients.create(settings).toString()).doesNotContain("SECRET").contains("GEMINI");
    }
}
