package com.imagestudio.flow.activities.nodes.edit;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.activities.testing.MockProviders;
import com.imagestudio.flow.activities.testing.ProviderNodeFixture;
import com.imagestudio.flow.activities.testing.TestImages;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static com.imagestudio.flow.activities.testing.MockProviders.fixture;
import static com.imagestudio.flow.activities.testing.MockProviders.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StabilityEditNodesTest {

    private static final byte[] PHOTO = TestImages.quadrantsPng(80, 60);
    private static final byte[] MASK = TestImages.bandsJpeg(80, 60);
    private static final byte[] RESULT = TestImages.quadrantsPng(40, 30);

    @TempDir
    Path blobs;

    private ProviderNodeFixture fixture;
    private PortValue photo;

    @BeforeEach
    void start() {
        fixture = new ProviderNodeFixture(blobs);
        photo = fixture.image(PHOTO);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void inpaintSendsTheImageAndMaskAsFilesWithThePrompt() {
        fixture.providers().enqueue(image(RESULT));

        NodeOutputs out = fixture.run(new StabilityInpaint(), Map.of("image", photo, "mask", fixture.image(MASK)),
                Map.of("prompt", "a vase of tulips", "grow_mask", 10));

        RecordedRequest request = fixture.providers().take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/edit/inpaint");
        var parts = MockProviders.multipart(request);
        assertThat(parts.get("image").body()).isEqualTo(PHOTO);
        assertThat(parts.get("image").contentType()).isEqualTo("image/png");
        assertThat(parts.get("mask").body()).isEqualTo(MASK);
        assertThat(parts.get("mask").contentType()).isEqualTo("image/jpeg");
        assertThat(parts.get("prompt").text()).isEqualTo("a vase of tulips");
        assertThat(parts.get("grow_mask").text()).isEqualTo("10");
        assertThat(parts).doesNotContainKey("seed");
        assertThat(out.asMap().get("image").encoded().width()).isEqualTo(40);
    }

    @Test
    void recolourFindsTheObjectWithSelectPrompt() {
        fixture.providers().enqueue(image(RESULT));

        fixture.run(new StabilitySearchEdit(), Map.of("image", photo),
                Map.of("mode", "recolor", "search", "the car", "prompt", "bright yellow"));

        RecordedRequest request = fixture.providers().take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/edit/search-and-recolor");
        var parts = MockProviders.multipart(request);
        assertThat(parts.get("select_prompt").text()).isEqualTo("the car");
        assertThat(parts).doesNotContainKey("search_prompt");
    }

    @Test
    void replaceFindsTheObjectWithSearchPrompt() {
        fixture.providers().enqueue(image(RESULT));

        fixture.run(new StabilitySearchEdit(), Map.of("image", photo), Map.of("search", "the dog", "prompt", "a cat"));

        var request = fixture.providers().take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/edit/search-and-replace");
        assertThat(MockProviders.multipart(request).get("search_prompt").text()).isEqualTo("the dog");
    }

    @Test
    void relightIsAsynchronousAndHeartbeatsWhileWaiting() {
        fixture.providers().enqueue(fixture(200, "stability/async-started.json"));
        fixture.providers().enqueue(fixture(202, "stability/result-in-progress.json"));
        fixture.providers().enqueue(image(RESULT));

        NodeOutputs out = fixture.run(new StabilityRelight(), Map.of("image", photo),
                Map.of("background_prompt", "a sunny beach", "light_direction", "left", "light_strength", 0.5));

        var start = fixture.providers().take();
        assertThat(start.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/edit/replace-background-and-relight");
        var parts = MockProviders.multipart(start);
        assertThat(parts.get("subject_image").body()).isEqualTo(PHOTO);
        assertThat(parts.get("background_prompt").text()).isEqualTo("a sunny beach");
        assertThat(parts.get("light_source_direction").text()).isEqualTo("left");
        assertThat(parts.get("light_source_strength").text()).isEqualTo("0.5");
        assertThat(fixture.progress()).hasSize(1);
        assertThat(out.asMap().get("image").encoded().bytes()).isEqualTo(RESULT);
    }

    @Test
    void relightWithoutAnyBackgroundIsBadInputBeforeAnyCall() {
        assertThatThrownBy(() -> fixture.run(new StabilityRelight(), Map.of("image", photo), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("background_prompt");
        assertThat(fixture.providers().server().getRequestCount()).isZero();
    }

    @Test
    void outpaintWithNothingToExtendIsBadInput() {
        assertThatThrownBy(() -> fixture.run(new StabilityOutpaint(), Map.of("image", photo), Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("at least one side");
    }

    @Test
    void outpaintSendsTheSides() {
        fixture.providers().enqueue(image(RESULT));

        fixture.run(new StabilityOutpaint(), Map.of("image", photo), Map.of("left", 200, "down", 100));

        var parts = MockProviders.multipart(fixture.providers().take());
        assertThat(parts.get("left").text()).isEqualTo("200");
        assertThat(parts.get("right").text()).isEqualTo("0");
        assertThat(parts.get("down").text()).isEqualTo("100");
    }

    @Test
    void removeBackgroundAsksForPng() {
        byte[] cutout = TestImages.transparentPng(40, 30);
        fixture.providers().enqueue(image(cutout));

        NodeOutputs out = fixture.run(new StabilityRemoveBackground(), Map.of("image", photo), Map.of());

        assertThat(MockProviders.multipart(fixture.providers().take()).get("output_format").text()).isEqualTo("png");
        assertThat(TestImages.pixel(out.asMap().get("image").encoded().bytes(), 35, 15)).isEqualTo(com.imagestudio.flow.activities.testing.Rgb.RED);
    }

    @Test
    void eraseRefusedByModerationSurfacesStabilitysMessage() {
        fixture.providers().enqueue(fixture(403, "stability/error-403-moderation.json"));

        assertThatThrownBy(() -> fixture.run(new StabilityErase(), Map.of("image", photo), Map.of()))
                .isInstanceOf(ProviderRejectedException.class).hasMessageContaining("content_moderation");
    }

    @Test
    void geminiEditSendsTheImageAndTheReferenceInline() {
        fixture.providers().enqueue(fixture(200, "gemini/image.json", "IMAGE_BASE64", Base64.getEncoder().encodeToString(RESULT)));

        NodeOutputs out = fixture.run(new GeminiEdit(), Map.of("image", photo, "reference", fixture.image(MASK)),
                Map.of("instruction", "put the product on a beach"));

        var parts = com.imagestudio.flow.activities.providers.ProviderJson
                .treeOrMissing(fixture.providers().take().getBody().toByteArray()).at("/contents/0/parts");
        assertThat(parts.size()).isEqualTo(3);
        assertThat(parts.path(2).at("/inline_data/mime_type").asText()).isEqualTo("image/jpeg");
        assertThat(out.asMap().get("image").encoded().bytes()).isEqualTo(RESULT);
    }
}
