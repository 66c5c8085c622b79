package com.imagestudio.flow.activities.nodes.control;

import com.imagestudio.flow.activities.testing.MockProviders;
import com.imagestudio.flow.activities.testing.ProviderNodeFixture;
import com.imagestudio.flow.activities.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static com.imagestudio.flow.activities.testing.MockProviders.image;
import static org.assertj.core.api.Assertions.assertThat;

class StabilityControlTest {

    private static final byte[] SKETCH = TestImages.bandsJpeg(64, 64);
    private static final byte[] STYLE = TestImages.quadrantsPng(64, 64);

    @TempDir
    Path blobs;

    private ProviderNodeFixture fixture;

    @BeforeEach
    void start() {
        fixture = new ProviderNodeFixture(blobs);
        fixture.providers().enqueue(image(STYLE));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void sketchSendsControlStrength() {
        fixture.run(new StabilityControl(), Map.of("image", fixture.image(SKETCH)),
                Map.of("prompt", "a castle", "strength", 0.8));

        var request = fixture.providers().take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/control/sketch");
        assertThat(MockProviders.multipart(request).get("control_strength").text()).isEqualTo("0.8");
    }

    @Test
    void styleSendsFidelityInstead() {
        fixture.run(new StabilityControl(), Map.of("image", fixture.image(STYLE)),
                Map.of("mode", "style", "prompt", "a castle", "strength", 0.5));

        var request = fixture.providers().take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/control/style");
        var parts = MockProviders.multipart(request);
        assertThat(parts.get("fidelity").text()).isEqualTo("0.5");
        assertThat(parts).doesNotContainKey("control_strength");
    }

    @Test
    void styleTransferSendsTheContentAsInitImageAndTheStyleAsStyleImage() {
        fixture.run(new StabilityStyleTransfer(), Map.of("image", fixture.image(SKETCH), "style", fixture.image(STYLE)), Map.of());

        var request = fixture.providers().take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/control/style-transfer");
        var parts = MockProviders.multipart(request);
        assertThat(parts.get("init_image").body()).isEqualTo(SKETCH);
        assertThat(parts.get("style_image").body()).isEqualTo(STYLE);
        assertThat(parts.get("composition_fidelity").text()).isEqualTo("0.9");
    }
}
