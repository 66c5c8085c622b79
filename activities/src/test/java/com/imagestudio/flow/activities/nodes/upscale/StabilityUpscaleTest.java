package com.imagestudio.flow.activities.nodes.upscale;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.testing.MockProviders;
import com.imagestudio.flow.activities.testing.ProviderNodeFixture;
import com.imagestudio.flow.activities.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static com.imagestudio.flow.activities.testing.MockProviders.fixture;
import static com.imagestudio.flow.activities.testing.MockProviders.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StabilityUpscaleTest {

    private static final byte[] SMALL = TestImages.quadrantsPng(64, 48);
    private static final byte[] BIG = TestImages.quadrantsPng(256, 192);

    @TempDir
    Path blobs;

    private ProviderNodeFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ProviderNodeFixture(blobs);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void fastUpscaleIsOneSynchronousCallWithOnlyTheImage() {
        fixture.providers().enqueue(image(BIG));

        NodeOutputs out = fixture.run(new StabilityUpscale(), Map.of("image", fixture.image(SMALL)), Map.of());

        var request = fixture.providers().take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/upscale/fast");
        assertThat(MockProviders.multipart(request).keySet()).containsExactly("image", "output_format");
        assertThat(out.asMap().get("image").encoded().width()).isEqualTo(256);
    }

    @Test
    void creativeUpscaleStartsThenPollsUntilTheImageIsReady() {
        fixture.providers().enqueue(fixture(200, "stability/async-started.json"));
        fixture.providers().enqueue(fixture(202, "stability/result-in-progress.json"));
        fixture.providers().enqueue(fixture(202, "stability/result-in-progress.json"));
        fixture.providers().enqueue(image(BIG));

        NodeOutputs out = fixture.run(new StabilityUpscale(), Map.of("image", fixture.image(SMALL)),
                Map.of("mode", "creative", "prompt", "a sharp photo of a street", "creativity", 0.35));

        var start = fixture.providers().take();
        assertThat(start.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/upscale/creative");
        assertThat(MockProviders.multipart(start).get("creativity").text()).isEqualTo("0.35");
        assertThat(fixture.providers().take().getUrl().encodedPath()).startsWith("/v2beta/results/");
        assertThat(fixture.progress()).hasSize(2);
        assertThat(out.asMap().get("image").encoded().height()).isEqualTo(192);
    }

    @Test
    void conservativeUpscaleWithoutPromptIsBadInput() {
        assertThatThrownBy(() -> fixture.run(new StabilityUpscale(), Map.of("image", fixture.image(SMALL)),
                Map.of("mode", "conservative"))).isInstanceOf(BadInputException.class).hasMessageContaining("needs a prompt");
    }

    @Test
    void fastUpscaleOfMoreThanAMegapixelIsBadInputBeforeAnyCall() {
        byte[] large = TestImages.quadrantsPng(1200, 1000);

        assertThatThrownBy(() -> fixture.run(new StabilityUpscale(), Map.of("image", fixture.image(large)), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("at most 1 megapixel");
        assertThat(fixture.providers().server().getRequestCount()).isZero();
    }
}
