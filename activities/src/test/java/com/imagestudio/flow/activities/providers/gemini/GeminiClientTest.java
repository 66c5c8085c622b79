package com.imagestudio.flow.activities.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.activities.testing.MockProviders;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.catalog.provider.Provider;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static com.imagestudio.flow.activities.testing.MockProviders.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GeminiClientTest {

    private static final String MODEL = "gemini-2.5-flash-image";
    private static final byte[] PNG = TestImages.quadrantsPng(32, 32);
    private static final String PNG_BASE64 = Base64.getEncoder().encodeToString(PNG);

    private final MockProviders providers = new MockProviders();
    private final GeminiClient client = providers.clients().gemini();

    @AfterEach
    void stop() {
        providers.close();
    }

    @Test
    void generateContentSendsPromptImagesAndConfigAndDecodesTheInlineImage() {
        providers.enqueue(fixture(200, "gemini/image.json", "IMAGE_BASE64", PNG_BASE64));
        var photo = new ProviderMedia.Upload("image.png", PNG, "image/png");

        GeminiClient.GeminiImage out = client.generate(MODEL, "make the sky purple", List.of(photo), "16:9");

        assertThat(out.bytes()).isEqualTo(PNG);
        assertThat(out.mimeType()).isEqualTo("image/png");
        assertThat(out.text()).isEqualTo("Here is your image.");
        RecordedRequest request = providers.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1beta/models/" + MODEL + ":generateContent");
        assertThat(request.getHeaders().get("x-goog-api-key")).isEqualTo(MockProviders.keyOf(Provider.GEMINI));
        assertThat(request.getUrl().query()).as("the key is never in the URL").isNull();
        JsonNode parts = ProviderJson.treeOrMissing(request.getBody().toByteArray()).at("/contents/0/parts");
        assertThat(parts.path(0).path("text").asText()).isEqualTo("make the sky purple");
        assertThat(parts.path(1).at("/inline_data/mime_type").asText()).isEqualTo("image/png");
        assertThat(parts.path(1).at("/inline_data/data").asText()).isEqualTo(PNG_BASE64);
        JsonNode config = ProviderJson.treeOrMissing(request.getBody().toByteArray()).path("generationConfig");
        assertThat(config.at("/responseModalities/1").asText()).isEqualTo("IMAGE");
        assertThat(config.at("/imageConfig/aspectRatio").asText()).isEqualTo("16:9");
    }

    @Test
    void anExhaustedQuotaIsRetriedAfterRetryAfter() {
        providers.enqueue(new MockResponse.Builder(fixture(429, "gemini/error-429.json")).setHeader("Retry-After", "7").build());
        providers.enqueue(fixture(200, "gemini/image.json", "IMAGE_BASE64", PNG_BASE64));

        assertThat(client.generate(MODEL, "a cat", List.of(), null).bytes()).isEqualTo(PNG);
        assertThat(providers.waits()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void anInvalidKeyIsRefusedWithGeminisStatusAndMessage() {
        providers.enqueue(fixture(400, "gemini/error-400.json"));

        var refused = catchThrowableOfType(ProviderRejectedException.class, () -> client.generate(MODEL, "a cat", List.of(), null));

        assertThat(refused).hasMessage("Google Gemini refused the request (HTTP 400): INVALID_ARGUMENT: API key not valid. Please pass a valid API key.");
    }

    @Test
    void aBlockedPromptIsRefusedWithTheBlockReason() {
        providers.enqueue(fixture(200, "gemini/blocked.json"));

        var refused = catchThrowableOfType(ProviderRejectedException.class, () -> client.generate(MODEL, "something", List.of(), null));

        assertThat(refused).hasMessageContaining("the prompt was blocked (PROHIBITED_CONTENT)");
    }
}
