package com.imagestudio.flow.activities.providers.stability;

import com.imagestudio.flow.activities.providers.PollSchedule;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.activities.providers.ProviderUnavailableException;
import com.imagestudio.flow.activities.testing.MockProviders;
import com.imagestudio.flow.activities.testing.MockProviders.Part;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.catalog.provider.Provider;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.imagestudio.flow.activities.testing.MockProviders.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StabilityClientTest {

    private static final String KEY = MockProviders.keyOf(Provider.STABILITY);
    private static final byte[] PNG = TestImages.quadrantsPng(64, 48);

    private final MockProviders providers = new MockProviders();
    private final StabilityClient client = providers.clients().stability();

    @AfterEach
    void stop() {
        providers.close();
    }

    private static StabilityClient.Form generateCore() {
        return StabilityClient.Form.to("/v2beta/stable-image/generate/core")
                .field("prompt", "a lighthouse at dusk").field("aspect_ratio", "16:9").field("output_format", "png")
                .field("negative_prompt", "");
    }

    private static MockResponse image(byte[] png) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .setHeader("finish-reason", "SUCCESS").setHeader("seed", "343940597")
                .body(new okio.Buffer().write(png)).build();
    }

    @Test
    void aSynchronousOperationPostsMultipartWithBearerKeyAndAnswersTheImageBytes() {
        providers.enqueue(image(PNG));

        byte[] out = client.image(generateCore(), Duration.ofSeconds(30));

        assertThat(out).isEqualTo(PNG);
        RecordedRequest request = providers.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/generate/core");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("Accept")).isEqualTo("image/*");
        Map<String, Part> parts = MockProviders.multipart(request);
        assertThat(parts.keySet()).as("a blank field is left out").containsExactly("prompt", "aspect_ratio", "output_format");
        assertThat(parts.get("prompt").text()).isEqualTo("a lighthouse at dusk");
        assertThat(parts.get("aspect_ratio").text()).isEqualTo("16:9");
    }

    @Test
    void anImageFieldIsSentAsAFilePartWithItsMediaType() {
        providers.enqueue(image(PNG));
        var upload = new ProviderMedia.Upload("image.png", PNG, "image/png");

        client.image(StabilityClient.Form.to("/v2beta/stable-image/upscale/fast").file("image", upload)
                .field("output_format", "png"), Duration.ofSeconds(30));

        Map<String, Part> parts = MockProviders.multipart(providers.take());
        assertThat(parts.get("image").filename()).isEqualTo("image.png");
        assertThat(parts.get("image").contentType()).isEqualTo("image/png");
        assertThat(parts.get("image").body()).isEqualTo(PNG);
    }

    @Test
    void aRateLimitIsRetriedAfterTheSecondsRetryAfterAsks() {
        providers.enqueue(new MockResponse.Builder(fixture(429, "stability/error-429.json")).setHeader("Retry-After", "3").build());
        providers.enqueue(image(PNG));

        byte[] out = client.image(generateCore(), Duration.ofSeconds(30));

        assertThat(out).isEqualTo(PNG);
        assertThat(providers.waits()).containsExactly(Duration.ofSeconds(3));
        assertThat(providers.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRetryAfterDateIsHonouredRelativeToNow() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(MockProviders.NOW.plusSeconds(5).atZone(ZoneOffset.UTC));
        providers.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", inFiveSeconds).body("busy").build());
        providers.enqueue(image(PNG));

        client.image(generateCore(), Duration.ofSeconds(30));

        assertThat(providers.waits()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void serverErrorsBackOffExponentiallyThenFailRetryably() {
        for (int i = 0; i < 3; i++) {
            providers.enqueue(MockProviders.json(502, "{\"name\":\"bad_gateway\",\"errors\":[\"upstream\"]}"));
        }

        var failure = catchThrowableOfType(ProviderUnavailableException.class,
                () -> client.image(generateCore(), Duration.ofSeconds(30)));

        assertThat(failure).hasMessageContaining("HTTP 502").hasMessageContaining("after 3 attempts");
        assertThat(providers.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanTheLimitIsLeftToTheActivityRetry() {
        providers.enqueue(new MockResponse.Builder(fixture(429, "stability/error-429.json")).setHeader("Retry-After", "600").build());

        var failure = catchThrowableOfType(ProviderUnavailableException.class,
                () -> client.image(generateCore(), Duration.ofSeconds(30)));

        assertThat(failure).hasMessageContaining("retry after 600 s");
        assertThat(providers.waits()).isEmpty();
    }

    @Test
    void aBadRequestIsRefusedAtOnceWithStabilitysOwnMessage() {
        providers.enqueue(fixture(400, "stability/error-400.json"));

        var refused = catchThrowableOfType(ProviderRejectedException.class,
                () -> client.image(generateCore(), Duration.ofSeconds(30)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused).hasMessage("Stability AI refused the request (HTTP 400): bad_request: prompt: cannot be empty");
        assertThat(providers.server().getRequestCount()).isEqualTo(1);
    }

    @Test
    void contentModerationIsRefusedWithItsMessage() {
        providers.enqueue(fixture(403, "stability/error-403-moderation.json"));

        var refused = catchThrowableOfType(ProviderRejectedException.class,
                () -> client.image(generateCore(), Duration.ofSeconds(30)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused).hasMessageContaining("content_moderation: Your request was flagged");
    }

    @Test
    void aFilteredResultIsRefusedEvenThoughTheStatusIs200() {
        providers.enqueue(new MockResponse.Builder(image(PNG)).setHeader("finish-reason", "CONTENT_FILTERED").build());

        var refused = catchThrowableOfType(ProviderRejectedException.class,
                () -> client.image(generateCore(), Duration.ofSeconds(30)));

        assertThat(refused).hasMessageContaining("filtered by content moderation");
    }

    @Test
    void anAsynchronousOperationIsPolledWhileInProgressReportingProgress() {
        providers.enqueue(fixture(200, "stability/async-started.json"));
        providers.enqueue(fixture(202, "stability/result-in-progress.json"));
        providers.enqueue(fixture(202, "stability/result-in-progress.json"));
        providers.enqueue(image(PNG));
        List<String> progress = new ArrayList<>();

        byte[] out = client.imageAsync(StabilityClient.Form.to("/v2beta/stable-image/upscale/creative")
                .field("prompt", "sharp"), PollSchedule.IMAGE, progress::add);

        assertThat(out).isEqualTo(PNG);
        RecordedRequest start = providers.take();
        assertThat(start.getHeaders().get("Accept")).isEqualTo("application/json");
        String id = "a6dc6c6e20acda010fe14d71f180658f2896ed9b4ec25aa99a6ff06c796987c4";
        for (int i = 0; i < 3; i++) {
            RecordedRequest poll = providers.take();
            assertThat(poll.getMethod()).isEqualTo("GET");
            assertThat(poll.getUrl().encodedPath()).isEqualTo("/v2beta/results/" + id);
            assertThat(poll.getHeaders().get("Accept")).isEqualTo("image/*");
            assertThat(poll.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        }
        assertThat(progress).hasSize(2).allMatch(p -> p.contains("in progress"));
        assertThat(providers.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void pollingGivesUpRetryablyAfterItsTimeout() {
        providers.enqueue(fixture(200, "stability/async-started.json"));
        for (int i = 0; i < 4; i++) {
            providers.enqueue(fixture(202, "stability/result-in-progress.json"));
        }
        var brief = new PollSchedule(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(6));

        var failure = catchThrowableOfType(ProviderUnavailableException.class, () -> client.imageAsync(
                StabilityClient.Form.to("/v2beta/stable-image/upscale/creative"), brief, p -> { }));

        assertThat(failure).hasMessageContaining("still running after 6 s");
    }

    @Test
    void theKeyNeverAppearsInFailuresOrSettings() {
        providers.enqueue(fixture(400, "stability/error-400.json"));
        providers.enqueue(MockProviders.json(500, "{}"));
        providers.enqueue(MockProviders.json(500, "{}"));
        providers.enqueue(MockProviders.json(500, "{}"));

        var refused = catchThrowableOfType(ProviderRejectedException.class, () -> client.image(generateCore(), Duration.ofSeconds(5)));
        var unavailable = catchThrowableOfType(ProviderUnavailableException.class, () -> client.image(generateCore(), Duration.ofSeconds(5)));

        for (Object shown : List.of(refused.getMessage(), refused.toString(), unavailable.getMessage(), unavailable.toString(),
                providers.settings().toString(), providers.clients().toString(), client.toString())) {
            assertThat(String.valueOf(shown)).doesNotContain(KEY).doesNotContain("SECRET");
        }
    }
}
