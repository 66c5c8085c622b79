package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.EncodedMedia;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.nodes.encode.Encode;
import com.imagestudio.flow.activities.nodes.load.LoadImages;
import com.imagestudio.flow.activities.nodes.output.SaveToLibrary;
import com.imagestudio.flow.activities.nodes.transform.Resize;
import com.imagestudio.flow.activities.testing.InMemoryNodeResultCache;
import com.imagestudio.flow.activities.testing.Rgb;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestImages.Dimensions;
import com.imagestudio.flow.activities.testing.ReadsCounted;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

class NodeExecutorTest {

    private static final Map<String, Object> FIT_200 = Map.of("width", 200, "height", 200, "mode", "fit");

    @TempDir
    Path blobs;

    private FileSystemBlobStore store;
    private TestNodes nodes;
    private InMemoryNodeResultCache cache;
    private CountingNode<Resize.Params> resize;
    private CountingNode<Void> noise;
    private NodeExecutor executor;
    /** 400x300 quadrants. */
    private BlobRef photo;

    @BeforeEach
    void buildTheWorker() {
        store = new FileSystemBlobStore(blobs);
        nodes = new TestNodes(store);
        cache = new InMemoryNodeResultCache();
        resize = new CountingNode<>(new Resize());
        noise = new CountingNode<>(new Noise());
        NodeCatalog catalog = NodeCatalog.of(List.of(resize, noise, new Encode(), new SaveToLibrary(), new Sizes(), new Clip()));
        executor = new NodeExecutor(catalog, store, new ImageProbe(TestNodes.MAX_PIXELS), cache);
        photo = nodes.stored(TestImages.quadrantsPng(400, 300));
    }

    @Test
    void loadingAFolderChecksEachPhotoFromTheStartOfItsFileWithoutReadingItWhole() {
        byte[] large;
        try (Mat noise = new Mat(1200, 1600, CV_8UC3)) {
            byte[] pixels = new byte[1200 * 1600 * 3];
            new Random(7).nextBytes(pixels);
            noise.data().put(pixels);
            large = TestImages.jpeg(noise);
        }
        assertThat(large.length).as("a photo longer than the start that is read").isGreaterThan(512 * 1024);
        BlobRef first = nodes.stored(large);
        ReadsCounted reads = new ReadsCounted(store);
        NodeExecutor loader = new NodeExecutor(NodeCatalog.of(List.of(new LoadImages())), reads,
                new ImageProbe(TestNodes.MAX_PIXELS), cache);

        NodeResult result = loader.run(new NodeInvocation("run-1", "load", "LoadImages", 1,
                Map.of("blobs", first.hash() + "," + photo.hash()), Map.of()));

        assertThat(result.outputs().get("images").list()).containsExactly(
                new BlobRef(first.hash(), "image/jpeg", large.length, 1600, 1200),
                new BlobRef(photo.hash(), "image/png", photo.size(), 400, 300));
        assertThat(reads.wholes()).as("photos read whole").hasValue(0);
    }

    @Test
    void runsTheNodeAndStoresItsImageInTheBlobStore() {
        NodeResult result = executor.run(resizeOf(photo, FIT_200));

        assertThat(result.cached()).isFalse();
        BlobRef out = result.outputs().get("image").blob();
        assertThat(result.outputs().get("image").type()).isEqualTo(PortType.IMAGE);
        assertThat(store.exists(out.hash())).isTrue();
        assertThat(out.mediaType()).isEqualTo("image/png");
        assertThat(out.width()).isEqualTo(200);
        assertThat(out.height()).isEqualTo(150);
        byte[] stored = nodes.bytesOf(out);
        assertThat(out.size()).isEqualTo(stored.length);
        assertThat(TestImages.dimensions(stored)).isEqualTo(new Dimensions(200, 150));
        assertThat(TestImages.pixel(stored, 50, 40)).isEqualTo(Rgb.RED);
        assertThat(TestImages.pixel(stored, 150, 110)).isEqualTo(Rgb.YELLOW);
    }

    @Test
    void aSecondIdenticalInvocationIsACacheHitAndDoesNoWork() {
        NodeResult first = executor.run(resizeOf(photo, FIT_200));

        NodeResult second = executor.run(resizeOf(photo, FIT_200));

        assertThat(second.cached()).isTrue();
        assertThat(second.outputs()).isEqualTo(first.outputs());
        assertThat(resize.executions.get()).isEqualTo(1);
    }

    @Test
    void aCacheHitDoesNotEvenReadItsInputs() throws IOException {
        executor.run(resizeOf(photo, FIT_200));
        store.delete(photo.hash());

        assertThat(executor.run(resizeOf(photo, FIT_200)).cached()).isTrue();
    }

    @Test
    void parametersThatAreEqualOnceCheckedShareACacheEntry() {
        executor.run(resizeOf(photo, Map.of("width", 200)));

        NodeResult spelledOut = executor.run(resizeOf(photo, Map.of("height", 1080, "width", 200.0, "mode", "fill")));

        assertThat(spelledOut.cached()).isTrue();
        assertThat(resize.executions.get()).isEqualTo(1);
    }

    @Test
    void changedParametersMissTheCache() {
        executor.run(resizeOf(photo, FIT_200));

        NodeResult wider = executor.run(resizeOf(photo, Map.of("width", 300, "height", 200, "mode", "fit")));

        assertThat(wider.cached()).isFalse();
        assertThat(wider.outputs().get("image").blob().width()).isEqualTo(267);
        assertThat(resize.executions.get()).isEqualTo(2);
    }

    @Test
    void changedInputContentMissesTheCache() {
        executor.run(resizeOf(photo, FIT_200));
        BlobRef otherPhoto = nodes.stored(TestImages.bandsJpeg(400, 300));

        NodeResult other = executor.run(resizeOf(otherPhoto, FIT_200));

        assertThat(other.cached()).isFalse();
        assertThat(resize.executions.get()).isEqualTo(2);
    }

    @Test
    void aCachedResultWhoseBlobWasDeletedIsNotUsed() throws IOException {
        BlobRef first = executor.run(resizeOf(photo, FIT_200)).outputs().get("image").blob();
        store.delete(first.hash());

        NodeResult again = executor.run(resizeOf(photo, FIT_200));

        assertThat(again.cached()).isFalse();
        assertThat(resize.executions.get()).isEqualTo(2);
        assertThat(again.outputs().get("image").blob()).isEqualTo(first);
        assertThat(store.exists(first.hash())).as("the blob is back").isTrue();
    }

    @Test
    void invalidParametersAreRefusedListingEveryProblemWithoutRunning() {
        Map<String, Object> params = Map.of("width", 0, "mode", "stretch", "colour", "red");

        assertThatThrownBy(() -> executor.run(resizeOf(photo, params)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown parameter 'colour'")
                .hasMessageContaining("parameter 'width' must be between 1 and 16383, got 0")
                .hasMessageContaining("parameter 'mode' must be one of [fit, fill, exact], got \"stretch\"");
        assertThat(resize.executions.get()).isZero();
        assertThat(cache.size()).isZero();
    }

    @Test
    void anUnknownNodeTypeIsRefused() {
        NodeInvocation sharpen = new NodeInvocation("run-1", "sharpen-1", "Sharpen", 1, Map.of(), Map.of());

        assertThatThrownBy(() -> executor.run(sharpen))
                .isInstanceOf(BadInputException.class)
                .hasMessage("no node Sharpen v1 on this worker");
    }

    @Test
    void anUnknownVersionOfAKnownNodeIsRefused() {
        NodeInvocation resizeV2 = new NodeInvocation("run-1", "resize-1", "Resize", 2, FIT_200, imageInput(photo));

        assertThatThrownBy(() -> executor.run(resizeV2))
                .isInstanceOf(BadInputException.class)
                .hasMessage("no node Resize v2 on this worker");
    }

    @Test
    void anInputThatIsNotAnImageIsBadInput() {
        BlobRef pdf = nodes.stored("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> executor.run(resizeOf(pdf, FIT_200)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the file is a PDF document");
    }

    @Test
    void anInputBlobThatIsGoneIsBadInput() throws IOException {
        store.delete(photo.hash());

        assertThatThrownBy(() -> executor.run(resizeOf(photo, FIT_200)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("no stored image has the hash " + photo.hash());
    }

    @Test
    void anEncodedOutputIsStoredByteForByteWithItsMediaType() {
        NodeInvocation encode = new NodeInvocation("run-1", "encode-1", "Encode", 1,
                Map.of("format", "webp", "quality", 80), imageInput(photo));

        BlobRef out = executor.run(encode).outputs().get("image").blob();

        assertThat(out.mediaType()).isEqualTo("image/webp");
        assertThat(ImageFormat.sniff(nodes.bytesOf(out))).contains(ImageFormat.WEBP);
        assertThat(new Dimensions(out.width(), out.height())).isEqualTo(new Dimensions(400, 300));
    }

    @Test
    void mediaThatIsNotAnImageIsStoredByteForByteUnderItsMediaTypeOnItsPort() {
        NodeInvocation clip = new NodeInvocation("run-1", "clip-1", "Clip", 1, Map.of(), Map.of());

        PortValue out = executor.run(clip).outputs().get("video");

        assertThat(out.type()).isEqualTo(PortType.VIDEO);
        assertThat(out.blob().mediaType()).isEqualTo("video/mp4");
        assertThat(new Dimensions(out.blob().width(), out.blob().height())).isEqualTo(new Dimensions(1080, 1920));
        assertThat(nodes.bytesOf(out.blob())).isEqualTo(Clip.BYTES);
        assertThat(out.blob().size()).isEqualTo(Clip.BYTES.length);
    }

    @Test
    void aPassedThroughValueIsReturnedAsItIs() {
        PortValue input = PortValue.media(PortType.IMAGE, photo.withDimensions(400, 300));
        NodeInvocation save = new NodeInvocation("run-1", "save-1", "SaveToLibrary", 1, Map.of(), Map.of("image", input));

        assertThat(executor.run(save).outputs()).containsExactly(Map.entry("image", input));
    }

    @Test
    void aNonDeterministicNodeReusesItsResultOnlyWithinTheSameRun() {
        NodeInvocation inRun1 = new NodeInvocation("run-1", "noise-1", "Noise", 1, Map.of(), Map.of());
        NodeInvocation inRun2 = new NodeInvocation("run-2", "noise-1", "Noise", 1, Map.of(), Map.of());

        NodeResult first = executor.run(inRun1);
        NodeResult retry = executor.run(inRun1);
        NodeResult nextRun = executor.run(inRun2);

        assertThat(retry.cached()).isTrue();
        assertThat(retry.outputs()).isEqualTo(first.outputs());
        assertThat(nextRun.cached()).isFalse();
        assertThat(nextRun.outputs().get("image").blob().hash()).isNotEqualTo(first.outputs().get("image").blob().hash());
        assertThat(noise.executions.get()).isEqualTo(2);
    }

    @Test
    void aListOfImagesIsStoredAsOneBlobEachInOrder() {
        NodeInvocation sizes = new NodeInvocation("run-1", "sizes-1", "Sizes", 1, Map.of(), Map.of());

        PortValue list = executor.run(sizes).outputs().get("images");

        assertThat(list.type()).isEqualTo(PortType.IMAGE_LIST);
        assertThat(list.list()).extracting(BlobRef::width).containsExactly(10, 20);
        assertThat(list.list()).extracting(BlobRef::mediaType).containsOnly("image/png");
        assertThat(TestImages.dimensions(nodes.bytesOf(list.list().get(1)))).isEqualTo(new Dimensions(20, 5));
    }

    @Test
    void aCachedListWithADeletedImageIsNotUsed() throws IOException {
        NodeInvocation sizes = new NodeInvocation("run-1", "sizes-1", "Sizes", 1, Map.of(), Map.of());
        PortValue first = executor.run(sizes).outputs().get("images");
        store.delete(first.list().get(1).hash());

        NodeResult again = executor.run(sizes);

        assertThat(again.cached()).isFalse();
        assertThat(store.exists(first.list().get(1).hash())).as("the image is back").isTrue();
    }

    @Test
    void theNodesRegisteredOnTheClassPathAreRunnable() {
        NodeExecutor discovered = new NodeExecutor(NodeCatalog.discover(), store,
                new ImageProbe(TestNodes.MAX_PIXELS), new InMemoryNodeResultCache());
        NodeInvocation load = new NodeInvocation("run-1", "load-1", "LoadImage", 1, Map.of("blob", photo.hash()), Map.of());

        BlobRef loaded = discovered.run(load).outputs().get("image").blob();

        assertThat(loaded).isEqualTo(new BlobRef(photo.hash(), "image/png", photo.size(), 400, 300));
    }

    private static NodeInvocation resizeOf(BlobRef image, Map<String, Object> params) {
        return new NodeInvocation("run-1", "resize-1", "Resize", 1, params, imageInput(image));
    }

    private static Map<String, PortValue> imageInput(BlobRef image) {
        return Map.of("image", PortValue.media(PortType.IMAGE, image));
    }

    /** A real node that counts how often it does its work. */
    static final class CountingNode<P> implements StudioNode<P> {
        private final StudioNode<P> node;
        /** Counted across threads: items of a list run in parallel. */
        final AtomicInteger executions = new AtomicInteger();

        CountingNode(StudioNode<P> node) {
            this.node = node;
        }

        @Override
        public NodeSchema schema() {
            return node.schema();
        }

        @Override
        public P params(ParamValues values) {
            return node.params(values);
        }

        @Override
        public NodeOutputs execute(NodeInputs inputs, P params) {
            executions.incrementAndGet();
            return node.execute(inputs, params);
        }
    }

    /** Makes two images of different widths on an IMAGE_LIST port. */
    static final class Sizes implements StudioNode<Void> {
        @Override
        public NodeSchema schema() {
            return NodeSchema.builder("Sizes", 1)
                    .output(Port.required("images", PortType.IMAGE_LIST, "Two sizes"))
                    .build();
        }

        @Override
        public Void params(ParamValues values) {
            return null;
        }

        @Override
        public NodeOutputs execute(NodeInputs inputs, Void params) {
            return NodeOutputs.create().images("images", List.of(
                    new Mat(5, 10, CV_8UC3, new Scalar(0, 0, 255, 0)), new Mat(5, 20, CV_8UC3, new Scalar(255, 0, 0, 0))));
        }
    }

    /** Stands in for a generative model: a new image every time it runs. */
    static final class Noise implements StudioNode<Void> {
        private int calls;

        @Override
        public NodeSchema schema() {
            return NodeSchema.builder("Noise", 1)
                    .output(Port.required("image", PortType.IMAGE, "Something new"))
                    .flags(NodeFlag.NON_DETERMINISTIC)
                    .build();
        }

        @Override
        public Void params(ParamValues values) {
            return null;
        }

        @Override
        public NodeOutputs execute(NodeInputs inputs, Void params) {
            calls++;
            return NodeOutputs.create().image("image", new Mat(4, 4, CV_8UC3, new Scalar(calls * 40, 0, 0, 0)));
        }
    }

    /** Stands in for a video node: returns a file's bytes on a VIDEO port. */
    static final class Clip implements StudioNode<Void> {
        static final byte[] BYTES = "\0\0\0\u0018ftypisom not really a movie".getBytes(StandardCharsets.ISO_8859_1);

        @Override
        public NodeSchema schema() {
            return NodeSchema.builder("Clip", 1)
                    .output(Port.required("video", PortType.VIDEO, "A video"))
                    .build();
        }

        @Override
        public Void params(ParamValues values) {
            return null;
        }

        @Override
        public NodeOutputs execute(NodeInputs inputs, Void params) {
            return NodeOutputs.create().media("video", new EncodedMedia(BYTES, "video/mp4", 1080, 1920));
        }
    }
}
