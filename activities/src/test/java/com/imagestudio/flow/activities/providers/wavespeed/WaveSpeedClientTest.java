package com.imagestudio.flow.activities.providers.wavespeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.imagestudio.flow.activities.providers.PollSchedule;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.activities.providers.ProviderSettings;
import com.imagestudio.flow.activities.testing.MockProviders;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.catalog.provider.Provider;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.imagestudio.flow.activities.testing.MockProviders.bytes;
import static com.imagestudio.flow.activities.testing.MockProviders.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WaveSpeedClientTest {

    private static final String KEY = MockProviders.keyOf(Provider.WAVESPEED);
    private static final byte[] PNG = TestImages.quadrantsPng(40, 30);

    private final MockProviders providers = new MockProviders();
    private final WaveSpeedClient client = providers.clients().waveSpeed();

    @AfterEach
    void stop() {
        providers.close();
    }

    private ObjectNode prompt() {
        ObjectNode input = ProviderJson.object();
        input.put("prompt", "a neon sign saying OPEN");
        input.put("aspect_ratio", "16:9");
        return input;
    }

    private String outputUrl() {
        return providers.server().url("/cdn/output/image123.png").toString();
    }

    @Test
    void aPredictionIsSubmittedPolledUntilCompletedAndItsOutputDownloadedWithoutTheKey() {
        providers.enqueue(fixture(200, "wavespeed/submitted.json"));
        providers.enqueue(fixture(200, "wavespeed/processing.json"));
        providers.enqueue(fixture(200, "wavespeed/completed.json", "OUTPUT_URL", outputUrl()));
        providers.enqueue(bytes(200, PNG, "image/png"));
        List<String> progress = new ArrayList<>();

        WaveSpeedClient.Output out = client.run("ideogram-ai/ideogram-v3-turbo", prompt(), PollSchedule.IMAGE, progress::add);

        assertThat(out.bytes()).isEqualTo(PNG);
        assertThat(out.mediaType()).isEqualTo("image/png");
        RecordedRequest submit = providers.take();
        assertThat(submit.getMethod()).isEqualTo("POST");
        assertThat(submit.getUrl().encodedPath()).isEqualTo("/api/v3/ideogram-ai/ideogram-v3-turbo");
        assertThat(submit.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(submit.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = ProviderJson.treeOrMissing(submit.getBody().toByteArray());
        assertThat(body.path("prompt").asText()).isEqualTo("a neon sign saying OPEN");
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("16:9");
        for (int i = 0; i < 2; i++) {
            RecordedRequest poll = providers.take();
            assertThat(poll.getMethod()).isEqualTo("GET");
            assertThat(poll.getUrl().encodedPath()).isEqualTo("/api/v3/predictions/pred_abc123/result");
        }
        RecordedRequest download = providers.take();
        assertThat(download.getUrl().encodedPath()).isEqualTo("/cdn/output/image123.png");
        assertThat(download.getHeaders().get("Authorization")).as("the CDN never sees the key").isNull();
        assertThat(progress).hasSize(1);
        assertThat(providers.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aFileIsUploadedAsMultipartFieldFileAndItsDownloadUrlReturned() {
        providers.enqueue(fixture(200, "wavespeed/uploaded.json"));

        String url = client.upload(new ProviderMedia.Upload("face.png", PNG, "image/png"));

        assertThat(url).isEqualTo("https://d1q70pf5vjeyhc.wavespeed.ai/media/images/1752546604367620589_qF0WTQOJ.png");
        RecordedRequest request = providers.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v3/media/upload/binary");
        var parts = MockProviders.multipart(request);
        assertThat(parts.keySet()).containsExactly("file");
        assertThat(parts.get("file").filename()).isEqualTo("face.png");
        assertThat(parts.get("file").body()).isEqualTo(PNG);
    }

    @Test
    void aRateLimitedSubmissionIsRetried() {
        providers.enqueue(new MockResponse.Builder(MockProviders.json(429, "{\"code\":429,\"message\":\"Too many requests\"}"))
                .setHeader("Retry-After", "2").build());
        providers.enqueue(fixture(200, "wavespeed/submitted.json"));

        assertThat(client.submit("wavespeed-ai/qwen-image/text-to-image", prompt())).isEqualTo("pred_abc123");
        assertThat(providers.waits()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aWrongKeyIsRefusedWithWaveSpeedsMessage() {
        providers.enqueue(fixture(401, "wavespeed/error-401.json"));

        var refused = catchThrowableOfType(ProviderRejectedException.class,
                () -> client.submit("ideogram-ai/ideogram-v3-turbo", prompt()));

        assertThat(refused).hasMessage("WaveSpeed refused the request (HTTP 401): Invalid API key");
        assertThat(refused.getMessage()).doesNotContain(KEY);
    }

    @Test
    void aFailedPredictionIsRefusedWithItsError() {
        providers.enqueue(fixture(200, "wavespeed/failed.json"));

        assertThatThrownBy(() -> client.await("pred_abc123", PollSchedule.IMAGE, p -> { }))
                .isInstanceOf(ProviderRejectedException.class)
                .hasMessageContaining("prediction pred_abc123 failed: The input image contains no detectable face");
    }

    @Test
    void anErrorCodeInsideA200EnvelopeIsRefused() {
        providers.enqueue(MockProviders.json(200, "{\"code\":400,\"message\":\"prompt is required\",\"data\":null}"));

        assertThatThrownBy(() -> client.submit("ideogram-ai/ideogram-v3-turbo", prompt()))
                .isInstanceOf(ProviderRejectedException.class).hasMessageContaining("prompt is required");
    }

    @Test
    void anOutputOnAnInternalAddressIsNotDownloadedWhenPrivateDownloadsAreOff() {
        ProviderSettings strict = ProviderSettings.none().with(Provider.WAVESPEED, providers.baseUrl(), KEY);
        WaveSpeedClient guarded = providers.clients(strict).waveSpeed();

        assertThatThrownBy(() -> guarded.download("http://127.0.0.1:9/secret"))
                .hasMessageContaining("internal address");
        assertThat(providers.server().getRequestCount()).isZero();
    }
}
