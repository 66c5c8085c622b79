package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.InMemoryNodeResultCache;
import com.imagestudio.flow.activities.testing.MockProviders;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.catalog.graph.ProblemCode;
import com.imagestudio.flow.catalog.graph.ValidatedGraph;
import com.imagestudio.flow.catalog.cost.CostEstimator;
import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.provider.ProviderAvailability;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.PortType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.imagestudio.flow.activities.testing.MockProviders.image;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Create -> social optimize -> compress against a mock Stability AI: a portrait post made from a
 * template, cropped to the Instagram portrait format's exact size, compressed as JPEG.
 */
class ProviderGraphAcceptanceTest {

    @TempDir
    Path blobs;

    private final MockProviders providers = new MockProviders();

    @AfterEach
    void stop() {
        providers.close();
    }

    private static Graph createOptimizeCompress() {
        return new Graph(List.of(
                new GraphNode("create", "CreateImage", null, Map.of("prompt", "a ceramic mug on a desk",
                        "template", "instagram_portrait", "style", "product_studio", "variations", 2)),
                new GraphNode("optimize", "SocialCrop", null, Map.of("format", "instagram_portrait", "mode", "center")),
                new GraphNode("compress", "Compress", null, Map.of("preset", "custom", "format", "jpeg", "quality", 82)),
                new GraphNode("save", "SaveToLibrary", null, Map.of())),
                List.of(new Edge("create.image", "optimize.image"), new Edge("optimize.image", "compress.image"),
                        new Edge("compress.image", "save.image")),
                List.of());
    }

    @Test
    void aGeneratedPostIsOptimizedToThePlatformSizeAndCompressed() throws Exception {
        NodeCatalog catalog = NodeCatalog.discover();
        ValidatedGraph graph = new GraphValidator(catalog, ProviderAvailability.of(Set.of(Provider.STABILITY)))
                .require(createOptimizeCompress(), Map.of());
        // automatic provider: the estimate reserves the dearest candidate (Gemini, 4 credits) for each of the 2 images
        assertThat(CostEstimator.estimate(graph).totalCredits()).isEqualTo(8);
        FileSystemBlobStore store = new FileSystemBlobStore(blobs);
        var settings = com.imagestudio.flow.activities.providers.ProviderSettings.none()
                .with(Provider.STABILITY, providers.baseUrl(), MockProviders.keyOf(Provider.STABILITY));
        NodeExecutor worker = new NodeExecutor(catalog, store, new ImageProbe(TestNodes.MAX_PIXELS),
                new InMemoryNodeResultCache(), providers.clients(settings));
        // Stability answers 4:5 at 896x1120; two variations
        providers.enqueue(image(TestImages.quadrantsPng(896, 1120)));
        providers.enqueue(image(TestImages.bandsJpeg(896, 1120)));

        Map<String, PortValue> created = worker.run(new NodeInvocation("run-1", "create", "CreateImage", 1,
                Map.of("prompt", "a ceramic mug on a desk", "template", "instagram_portrait", "style", "product_studio",
                        "variations", 2), Map.of())).outputs();
        PortValue optimized = worker.run(new NodeInvocation("run-1", "optimize", "SocialCrop", 1,
                Map.of("format", "instagram_portrait", "mode", "center"), Map.of("image", created.get("image"))))
                .outputs().get("image");
        PortValue compressed = worker.run(new NodeInvocation("run-1", "compress", "Compress", 1,
                Map.of("preset", "custom", "format", "jpeg", "quality", 82), Map.of("image", optimized)))
                .outputs().get("image");

        var request = MockProviders.multipart(providers.take());
        assertThat(request.get("aspect_ratio").text()).isEqualTo("4:5");
        assertThat(request.get("style_preset").text()).isEqualTo("photographic");
        assertThat(request.get("prompt").text()).startsWith("a ceramic mug on a desk, studio product photography");
        assertThat(created.get("images").type()).isEqualTo(PortType.IMAGE_LIST);
        assertThat(created.get("images").list()).hasSize(2).allSatisfy(ref -> assertThat(store.exists(ref.hash())).isTrue());
        assertThat(created.get("images").list().get(1).mediaType()).isEqualTo("image/jpeg");
        assertThat(created.get("prompt").text()).contains("centred subject");
        BlobRef post = compressed.blob();
        assertThat(post.mediaType()).isEqualTo("image/jpeg");
        assertThat(post.width()).isEqualTo(1080);
        assertThat(post.height()).isEqualTo(1350);
        byte[] jpeg = store.get(post.hash()).orElseThrow();
        assertThat(ImageFormat.sniff(jpeg)).contains(ImageFormat.JPEG);
        assertThat(TestImages.pixel(jpeg, 200, 200)).isEqualTo(Rgb.RED);
        assertThat(TestImages.pixel(jpeg, 880, 1150)).isEqualTo(Rgb.YELLOW);
    }

    @Test
    void theSameGraphIsRefusedWhereNoProviderHasAKey() {
        var result = new GraphValidator(NodeCatalog.discover(), ProviderAvailability.none()).validate(createOptimizeCompress());

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.PROVIDER_NOT_CONFIGURED);
            assertThat(p.nodeId()).isEqualTo("create");
            assertThat(p.message()).contains("STABILITY_API_KEY", "WAVESPEED_API_KEY", "HF_TOKEN", "GEMINI_API_KEY");
        });
    }
}
