package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.nodes.encode.Encode;
import com.imagestudio.flow.activities.nodes.load.LoadImages;
import com.imagestudio.flow.activities.nodes.output.SaveImagesToLibrary;
import com.imagestudio.flow.activities.nodes.output.SaveToLibrary;
import com.imagestudio.flow.activities.nodes.social.SocialFanOut;
import com.imagestudio.flow.activities.nodes.transform.Resize;
import com.imagestudio.flow.activities.testing.InMemoryNodeResultCache;
import com.imagestudio.flow.activities.testing.ReadsCounted;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.imagestudio.flow.activities.run.FusedChainExecutorTest.chain;
import static com.imagestudio.flow.activities.run.FusedChainExecutorTest.outputsOf;
import static com.imagestudio.flow.activities.run.FusedChainExecutorTest.step;
import static com.imagestudio.flow.activities.run.FusedChainExecutorTest.storedHashes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A list of images given to a port that takes one image: the chain runs once per image and each
 * step's images come back as lists, in the order of the list.
 */
class ListMappingTest {

    private static final Map<String, Object> COVER_200 = Map.of("width", 200, "height", 200, "mode", "fill");
    private static final Map<String, Object> JPEG_80 = Map.of("format", "jpeg", "quality", 80);
    private static final List<Rgb> COLOURS = List.of(Rgb.RED, Rgb.GREEN, Rgb.BLUE);

    @TempDir
    Path blobs;

    private TestNodes nodes;
    private NodeExecutorTest.CountingNode<Resize.Params> resize;
    private InMemoryNodeResultCache cache;
    private NodeExecutor executor;
    /** JPEGs of different sizes: a white disc on red, on green, on blue. */
    private List<BlobRef> photos;

    @BeforeEach
    void buildTheWorker() {
        FileSystemBlobStore store = new FileSystemBlobStore(blobs);
        nodes = new TestNodes(store);
        resize = new NodeExecutorTest.CountingNode<>(new Resize());
        NodeCatalog catalog = NodeCatalog.of(List.of(resize, new Encode(), new SaveToLibrary(), new SaveImagesToLibrary(),
                new SocialFanOut(), new LoadImages()));
        cache = new InMemoryNodeResultCache();
        executor = new NodeExecutor(catalog, store, new ImageProbe(TestNodes.MAX_PIXELS), cache);
        photos = List.of(photo(600, 400, Rgb.RED), photo(300, 500, Rgb.GREEN), photo(800, 800, Rgb.BLUE));
    }

    @Test
    void aChainGivenAListRunsOncePerImageAndGivesEachStepsImagesAsAListInTheSameOrder() {
        // given resize -> encode -> save, with three photos on resize's image port
        FusedChain chain = squarePosts(photos);

        // when
        ChainResult result = executor.run(chain, p -> { });

        // then
        assertThat(result.steps()).extracting(StepResult::nodeId).containsExactly("resize", "encode", "save");
        assertThat(result.steps()).allSatisfy(step -> {
            assertThat(step.fused()).isTrue();
            assertThat(step.result().cached()).isFalse();
            assertThat(step.startedAt()).isBeforeOrEqualTo(step.finishedAt());
        });
        PortValue jpegs = outputsOf(result, "encode").get("image");
        assertThat(jpegs.type()).isEqualTo(PortType.IMAGE_LIST);
        assertSquaresInOrder(jpegs, "image/jpeg");
        assertThat(outputsOf(result, "save").get("image")).isEqualTo(jpegs);
        assertThat(resize.executions.get()).isEqualTo(3);
    }

    @Test
    void theImagesHandedOnInMemoryAreStoredForNoItem() throws IOException {
        ChainResult result = executor.run(squarePosts(photos), p -> { });

        assertThat(outputsOf(result, "resize")).as("no resized image was stored").isEmpty();
        List<String> expected = Stream.concat(photos.stream(), outputsOf(result, "save").get("image").list().stream())
                .map(BlobRef::hash).toList();
        assertThat(storedHashes(blobs)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theSameListAgainComesWholeFromTheCache() {
        FusedChain chain = squarePosts(photos);
        ChainResult first = executor.run(chain, p -> { });

        ChainResult again = executor.run(chain, p -> { });

        assertThat(again.steps()).allMatch(step -> step.result().cached());
        assertThat(outputsOf(again, "save")).isEqualTo(outputsOf(first, "save"));
        assertThat(resize.executions.get()).isEqualTo(3);
    }

    @Test
    void theNodeCacheIsAskedOnceForEveryItemOfTheList() {
        executor.run(squarePosts(photos), p -> { });

        assertThat(cache.lookups()).isEqualTo(1);
        assertThat(cache.size()).as("encode and save of each photo: resize handed its image on unstored").isEqualTo(2 * photos.size());
    }

    @Test
    void aBadItemFailsTheStepNamingTheItemOnceTheOtherItemsAreDoneAndCached() {
        // given a PDF between two photos
        BlobRef pdf = nodes.stored("%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII));
        List<BlobRef> withPdf = List.of(photos.get(0), pdf, photos.get(2));

        // when
        ChainStepFailedException failure = catchThrowableOfType(ChainStepFailedException.class,
                () -> executor.run(squarePosts(withPdf), p -> { }));

        // then the step fails as the node would, naming the item
        assertThat(failure.step().nodeId()).isEqualTo("resize");
        assertThat(failure.getCause()).isInstanceOf(BadInputException.class)
                .hasMessage("item 2 of 3 (image " + pdf.hash().substring(0, 8) + "…): the file is a PDF document");
        assertThat(failure.done().steps()).isEmpty();
        // and the two photos went through: their chains now come from the cache
        ChainResult photosAlone = executor.run(squarePosts(List.of(photos.get(0), photos.get(2))), p -> { });
        assertThat(photosAlone.steps()).allMatch(step -> step.result().cached());
        assertThat(resize.executions.get()).isEqualTo(3);
    }

    @Test
    void aChainThatLoadsAFolderLoadsItOnceThenRunsTheStepsAfterOncePerPhoto() {
        // given load -> resize -> encode -> save, the loader giving the photos as a list
        FusedChain chain = loadedSquarePosts(COVER_200);

        // when
        ChainResult result = executor.run(chain, p -> { });

        // then
        assertThat(result.steps()).extracting(StepResult::nodeId).containsExactly("load", "resize", "encode", "save");
        assertThat(result.steps()).allSatisfy(step -> assertThat(step.fused()).isTrue());
        assertThat(outputsOf(result, "load").get("images").list()).extracting(BlobRef::hash)
                .containsExactlyElementsOf(photos.stream().map(BlobRef::hash).toList());
        assertSquaresInOrder(outputsOf(result, "save").get("image"), "image/jpeg");
        assertThat(resize.executions.get()).isEqualTo(3);
    }

    @Test
    void aLoadedFolderIsCheckedOnceByTheLoaderAndEachPhotoReadWholeOnceByTheStepsAfter() {
        // given a worker whose blob reads are counted
        ReadsCounted reads = new ReadsCounted(new FileSystemBlobStore(blobs));
        NodeExecutor counted = new NodeExecutor(NodeCatalog.of(List.of(new Resize(), new Encode(), new SaveToLibrary(),
                new LoadImages())), reads, new ImageProbe(TestNodes.MAX_PIXELS), new InMemoryNodeResultCache());

        // when it loads the folder and covers each photo
        ChainResult result = counted.run(loadedSquarePosts(COVER_200), p -> { });

        // then the loader read each photo's start, and each cover read its photo whole: no probe twice
        assertSquaresInOrder(outputsOf(result, "save").get("image"), "image/jpeg");
        assertThat(reads.heads()).as("reads of a photo's start").hasValue(3);
        assertThat(reads.wholes()).as("reads of a whole photo").hasValue(3);
    }

    @Test
    void aStepAfterTheLoadedFolderThatFailsCarriesTheLoadedFolderAsDone() {
        // given a resize whose parameters no item can take
        FusedChain chain = loadedSquarePosts(Map.of("width", 0, "height", 200, "mode", "fill"));

        // when
        ChainStepFailedException failure = catchThrowableOfType(ChainStepFailedException.class,
                () -> executor.run(chain, p -> { }));

        // then
        assertThat(failure.step().nodeId()).isEqualTo("resize");
        assertThat(failure.getCause()).isInstanceOf(BadInputException.class).hasMessageStartingWith("item 1 of 3");
        assertThat(failure.done().steps()).extracting(StepResult::nodeId).containsExactly("load");
        assertThat(outputsOf(failure.done(), "load").get("images").list()).hasSize(3);
    }

    @Test
    void aNodeRunOnItsOwnRunsOncePerImageOfAList() {
        NodeInvocation resizeAll = new NodeInvocation("run-1", "resize", "Resize", 1, COVER_200,
                Map.of("image", PortValue.imageList(photos)));

        NodeResult result = executor.run(resizeAll);

        assertThat(result.cached()).isFalse();
        assertSquaresInOrder(result.outputs().get("image"), "image/png");
        assertThat(resize.executions.get()).isEqualTo(3);
    }

    @Test
    void aListOnAPortThatTakesAListIsNotMapped() {
        PortValue list = PortValue.imageList(photos);

        NodeResult kept = executor.run(new NodeInvocation("run-1", "save", "SaveImagesToLibrary", 1, Map.of(),
                Map.of("images", list)));

        assertThat(kept.outputs()).isEqualTo(Map.of("images", list));
    }

    @Test
    void anEmptyListRunsNothingAndGivesEmptyLists() {
        ChainResult result = executor.run(squarePosts(List.of()), p -> { });

        assertThat(result.steps()).extracting(StepResult::nodeId).containsExactly("resize", "encode", "save");
        assertThat(result.steps()).allSatisfy(step ->
                assertThat(step.result().outputs()).isEqualTo(Map.of("image", PortValue.imageList(List.of()))));
        assertThat(resize.executions.get()).isZero();
    }

    @Test
    void aNodeThatGivesAListForEachImageIsRefusedRatherThanFlattened() {
        NodeInvocation fanOut = new NodeInvocation("run-1", "fan", "SocialFanOut", 1, Map.of(),
                Map.of("image", PortValue.imageList(photos)));

        BadInputException refusal = catchThrowableOfType(BadInputException.class, () -> executor.run(fanOut));

        assertThat(refusal).hasMessage("fan gives a list of images on 'images' for each image of the list it runs over, "
                + "and a list of lists is not supported");
    }

    @Test
    void progressIsToldEachTimeAnItemIsDone() {
        List<String> told = Collections.synchronizedList(new ArrayList<>());

        executor.run(squarePosts(photos), told::add);

        assertThat(told).containsExactly("item 1 of 3 done", "item 2 of 3 done", "item 3 of 3 done");
    }

    /** Resize to a 200x200 cover, encode as JPEG, save: the photos on resize's image port. */
    private static FusedChain squarePosts(List<BlobRef> images) {
        ChainStep resizeAll = new ChainStep("resize", "Resize", 1, COVER_200, Map.of("image", PortValue.imageList(images)),
                Map.of());
        return chain(resizeAll, step("encode", "Encode", JPEG_80), step("save", "SaveToLibrary", Map.of()));
    }

    /** The photos loaded by LoadImages, then resized with these parameters, encoded as JPEG and saved, in one chain. */
    private FusedChain loadedSquarePosts(Map<String, Object> resizeParams) {
        String hashes = String.join(",", photos.stream().map(BlobRef::hash).toList());
        return new FusedChain("run-1", List.of(
                step("load", "LoadImages", Map.of("blobs", hashes)),
                new ChainStep("resize", "Resize", 1, resizeParams, Map.of(), Map.of("image", "images")),
                new ChainStep("encode", "Encode", 1, JPEG_80, Map.of(), Map.of("image", "image")),
                new ChainStep("save", "SaveToLibrary", 1, Map.of(), Map.of(), Map.of("image", "image"))));
    }

    /** 200x200 squares of the photos, in order: the white disc in the middle, each photo's colour around it. */
    private void assertSquaresInOrder(PortValue list, String mediaType) {
        assertThat(list.type()).isEqualTo(PortType.IMAGE_LIST);
        assertThat(list.list()).hasSize(3).allSatisfy(image -> assertThat(image.mediaType()).isEqualTo(mediaType));
        for (int i = 0; i < 3; i++) {
            byte[] square = nodes.bytesOf(list.list().get(i));
            assertThat(TestImages.dimensions(square)).isEqualTo(new Dimensions(200, 200));
            assertThat(TestImages.pixel(square, 10, 10)).as("the corner of item %d", i + 1).isEqualTo(COLOURS.get(i));
            assertThat(TestImages.pixel(square, 100, 100)).isEqualTo(Rgb.WHITE);
        }
    }

    private BlobRef photo(int width, int height, Rgb colour) {
        try (Mat image = TestImages.disc(width, height, colour, Rgb.WHITE)) {
            return nodes.stored(TestImages.jpeg(image));
        }
    }
}
