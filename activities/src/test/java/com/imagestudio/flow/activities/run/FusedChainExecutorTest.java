package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.nodes.encode.Encode;
import com.imagestudio.flow.activities.nodes.load.LoadImage;
import com.imagestudio.flow.activities.nodes.output.SaveToLibrary;
import com.imagestudio.flow.activities.nodes.transform.Crop;
import com.imagestudio.flow.activities.nodes.transform.Resize;
import com.imagestudio.flow.activities.testing.InMemoryNodeResultCache;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.PortType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Nodes run as one fused chain by the executor: a decoded image goes from step to step in memory,
 * only what is kept reaches the blob store, and the node cache still knows every step.
 */
class FusedChainExecutorTest {

    private static final Map<String, Object> FIT_200 = Map.of("width", 200, "height", 200, "mode", "fit");
    private static final Map<String, Object> JPEG_80 = Map.of("format", "jpeg", "quality", 80);

    @TempDir
    Path blobs;

    private FileSystemBlobStore store;
    private InMemoryNodeResultCache cache;
    private NodeExecutorTest.CountingNode<Resize.Params> resize;
    private NodeExecutor executor;
    /** 400x300 quadrants. */
    private BlobRef photo;

    @BeforeEach
    void buildTheWorker() {
        store = new FileSystemBlobStore(blobs);
        cache = new InMemoryNodeResultCache();
        resize = new NodeExecutorTest.CountingNode<>(new Resize());
        executor = executorWith(cache);
        photo = new TestNodes(store).stored(TestImages.quadrantsPng(400, 300));
    }

    @Test
    void aChainHandsItsDecodedImagesOnInMemoryAndStoresOnlyWhatItKeeps() throws IOException {
        // given load -> resize -> encode -> save
        FusedChain chain = chain(load(), step("resize", "Resize", FIT_200), step("encode", "Encode", JPEG_80),
                step("save", "SaveToLibrary", Map.of()));

        // when
        ChainResult result = executor.run(chain, p -> { });

        // then
        assertThat(result.steps()).extracting(StepResult::nodeId).containsExactly("load", "resize", "encode", "save");
        assertThat(result.steps()).allSatisfy(step -> {
            assertThat(step.fused()).isTrue();
            assertThat(step.result().cached()).isFalse();
            assertThat(step.startedAt()).isBeforeOrEqualTo(step.finishedAt());
        });
        assertThat(outputsOf(result, "load").get("image").blob().hash()).isEqualTo(photo.hash());
        assertThat(outputsOf(result, "resize")).as("the resized image was handed on, never stored").isEmpty();
        BlobRef jpeg = outputsOf(result, "save").get("image").blob();
        assertThat(outputsOf(result, "encode").get("image").blob()).isEqualTo(jpeg);
        assertThat(jpeg.mediaType()).isEqualTo("image/jpeg");
        assertThat(TestImages.dimensions(bytesOf(jpeg))).isEqualTo(new Dimensions(200, 150));
        assertThat(TestImages.pixel(bytesOf(jpeg), 50, 40)).isEqualTo(Rgb.RED);
        assertThat(storedHashes(blobs)).containsExactlyInAnyOrder(photo.hash(), jpeg.hash());
    }

    @Test
    void aFusedChainWritesTheSameBytesAsItsNodesRunOneByOne() {
        PortValue image = PortValue.media(PortType.IMAGE, photo);
        NodeResult resized = executorWith(new InMemoryNodeResultCache()).run(
                new NodeInvocation("run-1", "resize", "Resize", 1, FIT_200, Map.of("image", image)));
        NodeResult encodedAlone = executorWith(new InMemoryNodeResultCache()).run(
                new NodeInvocation("run-1", "encode", "Encode", 1, JPEG_80, Map.of("image", resized.outputs().get("image"))));

        ChainResult fused = executor.run(chain(load(), step("resize", "Resize", FIT_200), step("encode", "Encode", JPEG_80)),
                p -> { });

        assertThat(outputsOf(fused, "encode").get("image").blob()).isEqualTo(encodedAlone.outputs().get("image").blob());
    }

    @Test
    void aStepThatAsksForTheValueOfAHandedOnImageHasItStoredAndShown() {
        // SaveToLibrary passes its input's value on: the resized image must then exist as a blob
        ChainResult result = executor.run(chain(load(), step("resize", "Resize", FIT_200), step("save", "SaveToLibrary", Map.of())),
                p -> { });

        BlobRef saved = outputsOf(result, "save").get("image").blob();
        assertThat(saved.mediaType()).isEqualTo("image/png");
        assertThat(TestImages.dimensions(bytesOf(saved))).isEqualTo(new Dimensions(200, 150));
        assertThat(outputsOf(result, "resize").get("image").blob()).isEqualTo(saved);
        assertThat(cache.size()).as("every step is cached").isEqualTo(3);
    }

    @Test
    void theSameChainAgainComesWholeFromTheCacheEvenForAStepWhoseImageWasNeverStored() {
        FusedChain chain = chain(load(), step("resize", "Resize", FIT_200), step("encode", "Encode", JPEG_80));
        ChainResult first = executor.run(chain, p -> { });

        ChainResult again = executor.run(chain, p -> { });

        assertThat(again.steps()).allMatch(step -> step.result().cached());
        assertThat(outputsOf(again, "encode")).isEqualTo(outputsOf(first, "encode"));
        assertThat(outputsOf(again, "resize")).isEmpty();
        assertThat(resize.executions.get()).isEqualTo(1);
    }

    @Test
    void aFailingStepIsNamedWithTheStepsDoneBeforeItAndARetryStartsAtIt() {
        // given a crop outside the resized 200x150 image, after load and resize
        FusedChain chain = chain(load(), step("resize", "Resize", FIT_200),
                step("crop", "Crop", Map.of("x", 150, "y", 0, "width", 100, "height", 50)), step("save", "SaveToLibrary", Map.of()));

        // when
        ChainStepFailedException failure = catchThrowableOfType(ChainStepFailedException.class, () -> executor.run(chain, p -> { }));

        // then
        assertThat(failure.step().nodeId()).isEqualTo("crop");
        assertThat(failure.getCause()).isInstanceOf(BadInputException.class)
                .hasMessage("the crop 100x50 at (150,0) does not fit in the 200x150 image");
        assertThat(failure.done().steps()).extracting(StepResult::nodeId).containsExactly("load", "resize");
        BlobRef handedToCrop = outputsOf(failure.done(), "resize").get("image").blob();
        assertThat(TestImages.dimensions(bytesOf(handedToCrop))).isEqualTo(new Dimensions(200, 150));

        // and when it runs again, load and resize come from the cache
        ChainStepFailedException again = catchThrowableOfType(ChainStepFailedException.class, () -> executor.run(chain, p -> { }));
        assertThat(again.done().steps()).allMatch(step -> step.result().cached());
        assertThat(resize.executions.get()).isEqualTo(1);
    }

    @Test
    void aChainOfOneStepIsTheNodeRunOnItsOwn() {
        NodeInvocation alone = new NodeInvocation("run-1", "resize", "Resize", 1, FIT_200,
                Map.of("image", PortValue.media(PortType.IMAGE, photo)));

        StepResult step = executor.run(FusedChain.of(alone), p -> { }).steps().get(0);

        assertThat(step.fused()).isFalse();
        assertThat(step.result().outputs().get("image").blob().mediaType()).isEqualTo("image/png");
        assertThat(executor.run(alone).cached()).as("the same cache entry as the node alone").isTrue();
    }

    private NodeExecutor executorWith(InMemoryNodeResultCache results) {
        NodeCatalog catalog = NodeCatalog.of(List.of(new LoadImage(), resize, new Encode(), new Crop(), new SaveToLibrary()));
        return new NodeExecutor(catalog, store, new ImageProbe(TestNodes.MAX_PIXELS), results);
    }

    private ChainStep load() {
        return step("load", "LoadImage", Map.of("blob", photo.hash()));
    }

    static ChainStep step(String id, String type, Map<String, Object> params) {
        return new ChainStep(id, type, 1, params, Map.of(), Map.of());
    }

    /** Steps in a line, each fed on "image" by the one before. */
    static FusedChain chain(ChainStep... steps) {
        List<ChainStep> fed = new ArrayList<>();
        for (ChainStep step : steps) {
            fed.add(fed.isEmpty() ? step : new ChainStep(step.nodeId(), step.type(), step.version(), step.params(), Map.of(),
                    Map.of("image", "image")));
        }
        return new FusedChain("run-1", fed);
    }

    static Map<String, PortValue> outputsOf(ChainResult result, String nodeId) {
        return result.steps().stream().filter(step -> step.nodeId().equals(nodeId)).findFirst().orElseThrow().result().outputs();
    }

    private byte[] bytesOf(BlobRef ref) {
        return new TestNodes(store).bytesOf(ref);
    }

    /** The hashes of the blobs in a file-system blob store. */
    static List<String> storedHashes(Path blobs) throws IOException {
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
