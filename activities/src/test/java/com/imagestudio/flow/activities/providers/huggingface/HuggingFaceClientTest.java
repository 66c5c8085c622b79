package com.imagestudio.flow.activities.providers.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.activities.testing.MockProviders;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.catalog.provider.Provider;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.imagestudio.flow.activities.testing.MockProviders.bytes;
import static com.imagestudio.flow.activities.testing.MockProviders.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HuggingFaceClientTest {

    private static final String MODEL = "stabilityai/stable-diffusion-xl-base-1.0";
    private static final byte[] JPEG = TestImages.bandsJpeg(64, 64);

    private final MockProviders providers = new MockProviders();
    private final HuggingFaceClient client = providers.clients().huggingFace();

    @AfterEach
    void stop() {
        providers.close();
    }

    private static ObjectNode size() {
        ObjectNode parameters = ProviderJson.object();
        parameters.put("width", 1024).put("height", 768).put("negative_prompt", "blurry");
        return parameters;
    }

    @Test
    void textToImagePostsInputsAndParametersAndAnswersTheImageBytes() {
        providers.enqueue(bytes(200, JPEG, "image/jpeg"));

        byte[] out = client.textToImage(MODEL, "an astronaut riding a horse", size());

        assertThat(out).isEqualTo(JPEG);
        RecordedRequest request = providers.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/hf-inference/models/" + MODEL);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockProviders.keyOf(Provider.HUGGING_FACE));
        JsonNode body = ProviderJson.treeOrMissing(request.getBody().toByteArray());
        assertThat(body.path("inputs").asText()).isEqualTo("an astronaut riding a horse");
        assertThat(body.path("parameters").path("width").asInt()).isEqualTo(1024);
        assertThat(body.path("parameters").path("negative_prompt").asText()).isEqualTo("blurry");
    }

    @Test
    void aModelStillLoadingIsRetried() {
        providers.enqueue(fixture(503, "huggingface/loading-503.json"));
        providers.enqueue(bytes(200, JPEG, "image/jpeg"));

        assertThat(client.textToImage(MODEL, "a cat", size())).isEqualTo(JPEG);
        assertThat(providers.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aBadRequestIsRefusedWithTheErrorText() {
        providers.enqueue(fixture(400, "huggingface/error-400.json"));

        var refused = catchThrowableOfType(ProviderRejectedException.class, () -> client.textToImage(MODEL, "", size()));

        assertThat(refused).hasMessage("Hugging Face refused the request (HTTP 400): Input validation error: `inputs` must be non-empty");
    }
}
