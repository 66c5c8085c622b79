package com.imagestudio.flow.activities.nodes.faceswap;

import com.fasterxml.jackson.databind.JsonNode;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.activities.testing.ProviderNodeFixture;
import com.imagestudio.flow.activities.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static com.imagestudio.flow.activities.testing.MockProviders.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaceSwapTest {

    private static final byte[] PHOTO = TestImages.quadrantsPng(64, 64);
    private static final byte[] FACE = TestImages.bandsJpeg(32, 32);

    @TempDir
    Path blobs;

    private ProviderNodeFixture fixture;
    private Map<String, PortValue> inputs;

    @BeforeEach
    void start() {
        fixture = new ProviderNodeFixture(blobs);
        inputs = Map.of("image", fixture.image(PHOTO), "face", fixture.image(FACE));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private JsonNode submittedBody(Map<String, ?> params, int uploads) {
        for (int i = 0; i < uploads; i++) {
            fixture.providers().enqueue(fixture(200, "wavespeed/uploaded.json"));
        }
        fixture.providers().enqueuePrediction("/cdn/swapped.png", PHOTO, "image/png");
        NodeOutputs out = fixture.run(new FaceSwap(), inputs, params);
        assertThat(out.asMap().get("image").encoded().bytes()).isEqualTo(PHOTO);
        for (int i = 0; i < uploads; i++) {
            assertThat(fixture.providers().take().getUrl().encodedPath()).isEqualTo("/api/v3/media/upload/binary");
        }
        var submit = fixture.providers().take();
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) ProviderJson.treeOrMissing(submit.getBody().toByteArray());
        return body.put("_path", submit.getUrl().encodedPath());
    }

    @Test
    void faceSwapProSendsImageFaceImageAndTargetIndex() {
        JsonNode body = submittedBody(Map.of("target_index", 1), 2);

        assertThat(body.path("_path").asText()).isEqualTo("/api/v3/wavespeed-ai/image-face-swap-pro");
        assertThat(body.has("image")).isTrue();
        assertThat(body.has("face_image")).isTrue();
        assertThat(body.path("target_index").asInt()).isEqualTo(1);
    }

    @Test
    void infiniteYouSendsTargetAndSourceImages() {
        JsonNode body = submittedBody(Map.of("model", "infinite_you"), 2);

        assertThat(body.path("_path").asText()).isEqualTo("/api/v3/wavespeed-ai/infinite-you");
        assertThat(body.has("target_image")).isTrue();
        assertThat(body.has("source_image")).isTrue();
        assertThat(body.has("face_image")).isFalse();
    }

    @Test
    void multiFaceSendsTheFaceToReplace() {
        inputs = Map.of("image", fixture.image(PHOTO), "face", fixture.image(FACE), "target_face", fixture.image(FACE));

        JsonNode body = submittedBody(Map.of("model", "multi_face", "enhance", true), 3);

        assertThat(body.path("_path").asText()).isEqualTo("/api/v3/akool/image-face-swap");
        assertThat(body.has("target_image")).isTrue();
        assertThat(body.path("face_enhance").asBoolean()).isTrue();
    }

    @Test
    void multiFaceWithoutTheFaceToReplaceIsBadInputBeforeAnyUpload() {
        assertThatThrownBy(() -> fixture.run(new FaceSwap(), inputs, Map.of("model", "multi_face")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("target_face");
        assertThat(fixture.providers().server().getRequestCount()).isZero();
    }

    @Test
    void aFailedPredictionIsRefusedWithWaveSpeedsError() {
        fixture.providers().enqueue(fixture(200, "wavespeed/uploaded.json"));
        fixture.providers().enqueue(fixture(200, "wavespeed/uploaded.json"));
        fixture.providers().enqueue(fixture(200, "wavespeed/submitted.json"));
        fixture.providers().enqueue(fixture(200, "wavespeed/failed.json"));

        assertThatThrownBy(() -> fixture.run(new FaceSwap(), inputs, Map.of()))
                .isInstanceOf(ProviderRejectedException.class).hasMessageContaining("no detectable face");
    }
}
