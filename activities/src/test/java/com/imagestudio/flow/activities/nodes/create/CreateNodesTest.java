package com.imagestudio.flow.activities.nodes.create;

import com.fasterxml.jackson.databind.JsonNode;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.providers.ProviderClients;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.activities.providers.ProviderSettings;
import com.imagestudio.flow.activities.testing.MockProviders;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.provider.Provider;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.imagestudio.flow.activities.testing.MockProviders.bytes;
import static com.imagestudio.flow.activities.testing.MockProviders.fixture;
import static com.imagestudio.flow.activities.testing.MockProviders.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateNodesTest {

    private static final byte[] WIDE = TestImages.quadrantsPng(96, 54);
    private static final byte[] SQUARE = TestImages.quadrantsPng(64, 64);

    @TempDir
    Path blobs;

    private final MockProviders providers = new MockProviders();
    private final List<String> progress = new ArrayList<>();
    private TestNodes nodes;

    @BeforeEach
    void store() {
        nodes = new TestNodes(new FileSystemBlobStore(blobs));
    }

    @AfterEach
    void stop() {
        providers.close();
    }

    private <P> NodeOutputs run(com.imagestudio.flow.activities.node.StudioNode<P> node, Map<String, ?> params,
                                ProviderClients clients) {
        return node.execute(nodes.inputs(Map.of(), clients, progress::add), TestNodes.params(node, params));
    }

    @Test
    void stabilityGenerateMakesEachVariationWithTheNextSeedAndListsThemAll() {
        for (int i = 0; i < 3; i++) {
            providers.enqueue(image(WIDE));
        }

        NodeOutputs out = run(new StabilityGenerate(), Map.of("prompt", "a lighthouse", "model", "ultra",
                "aspect_ratio", "landscape_16_9", "style", "cinematic", "seed", 42, "variations", 3), providers.clients());

        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordedRequest request = providers.take();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/generate/ultra");
            var parts = MockProviders.multipart(request);
            assertThat(parts.get("aspect_ratio").text()).isEqualTo("16:9");
            assertThat(parts.get("style_preset").text()).isEqualTo("cinematic");
            assertThat(parts.get("prompt").text()).isEqualTo("a lighthouse");
            seeds.add(parts.get("seed").text());
        }
        assertThat(seeds).containsExactly("42", "43", "44");
        assertThat(out.asMap().get("image").encoded().width()).isEqualTo(96);
        assertThat(out.asMap().get("images").encodedImages()).hasSize(3)
                .allSatisfy(img -> assertThat(img.height()).isEqualTo(54));
        assertThat(progress).hasSize(3);
    }

    @Test
    void sd35SendsItsModelField() {
        providers.enqueue(image(SQUARE));

        run(new StabilityGenerate(), Map.of("prompt", "a cat", "model", "sd3_5_large_turbo"), providers.clients());

        RecordedRequest request = providers.take();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2beta/stable-image/generate/sd3");
        assertThat(MockProviders.multipart(request).get("model").text()).isEqualTo("sd3.5-large-turbo");
    }

    @Test
    void ideogramOnWaveSpeedGetsTheNearestRatioItSupportsAndHeartbeatsWhilePolling() {
        providers.enqueuePrediction("/cdn/ideogram.png", WIDE, "image/png");

        NodeOutputs out = run(new WaveSpeedGenerate(), Map.of("prompt", "a poster saying SALE",
                "aspect_ratio", "landscape_3_2", "style", "vintage_poster"), providers.clients());

        JsonNode body = ProviderJson.treeOrMissing(providers.take().getBody().toByteArray());
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("4:3");
        assertThat(body.path("style").asText()).isEqualTo("Design");
        assertThat(body.path("prompt").asText()).startsWith("a poster saying SALE, vintage travel poster");
        assertThat(out.asMap().get("image").encoded().bytes()).isEqualTo(WIDE);
        assertThat(progress).anyMatch(p -> p.contains("prediction pred_abc123: in progress"));
    }

    @Test
    void qwenImageAsksForAPixelSize() {
        providers.enqueuePrediction("/cdn/qwen.png", SQUARE, "image/png");

        run(new WaveSpeedGenerate(), Map.of("prompt", "a shop sign", "model", "qwen_image", "aspect_ratio", "portrait_9_16"),
                providers.clients());

        RecordedRequest submit = providers.take();
        assertThat(submit.getUrl().encodedPath()).isEqualTo("/api/v3/wavespeed-ai/qwen-image/text-to-image");
        assertThat(ProviderJson.treeOrMissing(submit.getBody().toByteArray()).path("size").asText()).isEqualTo("768*1360");
    }

    @Test
    void huggingFaceGetsWidthAndHeightFromTheRatio() {
        providers.enqueue(bytes(200, WIDE, "image/png"));

        run(new HuggingFaceGenerate(), Map.of("prompt", "a fox", "aspect_ratio", "landscape_16_9"), providers.clients());

        JsonNode parameters = ProviderJson.treeOrMissing(providers.take().getBody().toByteArray()).path("parameters");
        assertThat(parameters.path("width").asInt()).isEqualTo(1344);
        assertThat(parameters.path("height").asInt()).isEqualTo(768);
    }

    @Test
    void geminiGenerateDecodesTheBase64Image() {
        providers.enqueue(fixture(200, "gemini/image.json", "IMAGE_BASE64", Base64.getEncoder().encodeToString(SQUARE)));

        NodeOutputs out = run(new GeminiGenerate(), Map.of("prompt", "a fox", "aspect_ratio", "portrait_4_5"), providers.clients());

        assertThat(out.asMap().get("image").encoded().bytes()).isEqualTo(SQUARE);
        assertThat(ProviderJson.treeOrMissing(providers.take().getBody().toByteArray())
                .at("/generationConfig/imageConfig/aspectRatio").asText()).isEqualTo("4:5");
    }

    @Test
    void createImageOnAutoUsesTheTemplatesSuggestedProviderWhenItHasAKey() {
        ProviderClients stabilityAndWaveSpeed = providers.clients(ProviderSettings.none()
                .with(Provider.STABILITY, providers.baseUrl(), "k1").with(Provider.WAVESPEED, providers.baseUrl(), "k2")
                .allowingPrivateDownloads());
        providers.enqueuePrediction("/cdn/thumb.png", WIDE, "image/png");

        NodeOutputs out = run(new CreateImage(), Map.of("prompt", "a chef shouting", "template", "youtube_thumbnail"),
                stabilityAndWaveSpeed);

        RecordedRequest submit = providers.take();
        assertThat(submit.getUrl().encodedPath()).isEqualTo("/api/v3/ideogram-ai/ideogram-v3-turbo");
        assertThat(ProviderJson.treeOrMissing(submit.getBody().toByteArray()).path("aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(out.asMap().get("prompt").value().text())
                .startsWith("a chef shouting, expressive subject on one side, bold readable headline text");
    }

    @Test
    void createImageOnAutoFallsBackToTheFirstConfiguredProvider() {
        ProviderClients onlyGemini = providers.clients(ProviderSettings.none().with(Provider.GEMINI, providers.baseUrl(), "k"));
        providers.enqueue(fixture(200, "gemini/image.json", "IMAGE_BASE64", Base64.getEncoder().encodeToString(SQUARE)));

        NodeOutputs out = run(new CreateImage(), Map.of("prompt", "a fox", "template", "instagram_story",
                "style", "watercolor", "negative_prompt", "text"), onlyGemini);

        JsonNode body = ProviderJson.treeOrMissing(providers.take().getBody().toByteArray());
        assertThat(body.at("/generationConfig/imageConfig/aspectRatio").asText()).isEqualTo("9:16");
        assertThat(body.at("/contents/0/parts/0/text").asText())
                .startsWith("a fox, watercolour painting, soft washes, paper texture, subject in the middle third")
                .contains(". Avoid: text, photo, blurry");
        assertThat(out.asMap().get("images").encodedImages()).hasSize(1);
    }

    @Test
    void createImageWithAChosenProviderWithoutKeyNamesTheVariable() {
        ProviderClients onlyGemini = providers.clients(ProviderSettings.none().with(Provider.GEMINI, providers.baseUrl(), "k"));

        assertThatThrownBy(() -> run(new CreateImage(), Map.of("prompt", "a fox", "provider", "stability"), onlyGemini))
                .isInstanceOf(ProviderRejectedException.class).hasMessageContaining("set STABILITY_API_KEY");
        assertThat(providers.server().getRequestCount()).isZero();
    }

    @Test
    void createImageCostsTheDearestCandidateOnAutoAndTheChosenModelOtherwise() {
        var schema = new CreateImage().schema();

        assertThat(schema.cost().credits(schema.checkParams(Map.of("prompt", "x", "variations", 2)).values())).isEqualTo(8);
        assertThat(schema.cost().credits(schema.checkParams(Map.of("prompt", "x", "provider", "stability",
                "template", "website_hero")).values())).as("the hero template suggests Ultra").isEqualTo(8);
        assertThat(schema.cost().credits(schema.checkParams(Map.of("prompt", "x", "provider", "hugging_face",
                "variations", 10)).values())).isEqualTo(10);
    }

    @Test
    void enhancePromptPrefersAConnectedPromptAndGivesTheStylesNegativePrompt() {
        EnhancePrompt node = new EnhancePrompt();
        var params = TestNodes.params(node, Map.of("prompt", "ignored", "style", "noir"));

        NodeOutputs out = node.execute(nodes.inputs(Map.of("prompt", PortValue.text("a detective"))), params);

        assertThat(out.asMap().get("prompt").value().text()).isEqualTo("a detective, film noir, black and white, hard shadows, "
                + "venetian blind light, highly detailed, balanced composition, professional quality");
        assertThat(out.asMap().get("negative_prompt").value().text()).startsWith("colour, blurry");
    }
}
