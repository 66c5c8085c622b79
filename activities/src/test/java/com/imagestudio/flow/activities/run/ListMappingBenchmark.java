package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.FileSystemBlobStore;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.testing.InMemoryNodeResultCache;
import com.imagestudio.flow.activities.testing.TestImages;
import com.imagestudio.flow.activities.testing.TestNodes;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static com.imagestudio.flow.activities.run.FusedChainExecutorTest.chain;
import static com.imagestudio.flow.activities.run.FusedChainExecutorTest.outputsOf;
import static com.imagestudio.flow.activities.run.FusedChainExecutorTest.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * W1 in one activity: cover 1080x1080, JPEG q82 and save, as one fused chain over a list of 24
 * photo-sized JPEGs, against the same chain run per image by two threads in a loop. Each
 * measurement has a new node cache, so that none answers for it. Not part of the test suite
 * (tag "benchmark"). Run:
 * {@code ./mvnw -q -o -pl nodes-catalog,activities test -Dgroups=benchmark -Dexcluded.groups=none -Dtest=ListMappingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ListMappingBenchmark {

    private static final int PHOTOS = 24;
    private static final int WARM_UPS = 1;
    private static final int ROUNDS = 3;
    private static final Map<String, Object> COVER_1080 = Map.of("width", 1080, "height", 1080, "mode", "fill");
    private static final Map<String, Object> JPEG_82 = Map.of("format", "jpeg", "quality", 82);

    @TempDir
    Path blobs;

    private FileSystemBlobStore store;

    /** What one path did in one round. */
    private record Result(double perSecond, double cpuMillisPerImage) {
    }

    @Test
    void w1AsOneChainOverAListAgainstAChainPerImageOnTwoThreads() throws Exception {
        store = new FileSystemBlobStore(blobs);
        List<BlobRef> photos = photos();
        System.out.printf("%nW1 over a list: %d JPEGs 4000x3000 (%d KB each), cover 1080x1080, JPEG q82, save; %d CPUs%n",
                PHOTOS, photos.get(0).size() / 1024, Runtime.getRuntime().availableProcessors());

        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (int round = 0; round < WARM_UPS + ROUNDS; round++) {
            Result mapped = measure(() -> {
                ChainResult result = executor().run(squarePosts(PortValue.imageList(photos)), p -> { });
                assertThat(outputsOf(result, "save").get("image").list()).hasSize(PHOTOS)
                        .allSatisfy(jpeg -> assertThat(jpeg.width()).isEqualTo(1080));
            });
            Result loop = measure(() -> perImageOnTwoThreads(photos));
            if (round >= WARM_UPS) {
                results.computeIfAbsent("one chain over the list (mapped)", name -> new ArrayList<>()).add(mapped);
                results.computeIfAbsent("a chain per image, 2 threads", name -> new ArrayList<>()).add(loop);
            }
        }

        System.out.printf("%n%-36s %10s %14s%n", "path (median of " + ROUNDS + " rounds)", "images/s", "CPU ms/image");
        results.forEach((name, rounds) -> System.out.printf("%-36s %10.2f %14.1f   rounds: %s images/s%n", name,
                median(rounds.stream().map(Result::perSecond).toList()),
                median(rounds.stream().map(Result::cpuMillisPerImage).toList()),
                rounds.stream().map(r -> String.format("%.2f", r.perSecond())).collect(Collectors.joining(" "))));
        System.out.println();
    }

    private void perImageOnTwoThreads(List<BlobRef> photos) throws Exception {
        NodeExecutor executor = executor();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<ChainResult>> runs = new ArrayList<>();
            for (BlobRef photo : photos) {
                runs.add(threads.submit(() -> executor.run(squarePosts(PortValue.media(PortType.IMAGE, photo)), p -> { })));
            }
            for (Future<ChainResult> run : runs) {
                assertThat(outputsOf(run.get(), "save").get("image").blob().width()).isEqualTo(1080);
            }
        } finally {
            threads.shutdown();
        }
    }

    /** A new node cache each time: nothing measured comes from it. */
    private NodeExecutor executor() {
        return new NodeExecutor(NodeCatalog.discover(), store, new ImageProbe(TestNodes.MAX_PIXELS), new InMemoryNodeResultCache());
    }

    private static FusedChain squarePosts(PortValue images) {
        return chain(new ChainStep("resize", "Resize", 1, COVER_1080, Map.of("image", images), Map.of()),
                step("encode", "Encode", JPEG_82), step("save", "SaveToLibrary", Map.of()));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Result measure(Work work) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(PHOTOS / seconds, (os.getProcessCpuTime() - cpu) / 1e6 / PHOTOS);
    }

    /** Detailed 4000x3000 JPEGs, each with its own bytes (a JPEG comment): no cache or blob is shared. */
    private List<BlobRef> photos() {
        byte[] jpeg;
        try (Mat image = TestImages.gradient(4000, 3000)) {
            jpeg = TestImages.jpeg(image, 90);
        }
        TestNodes nodes = new TestNodes(store);
        List<BlobRef> photos = new ArrayList<>();
        for (int i = 0; i < PHOTOS; i++) {
            byte[] comment = ("photo " + i).getBytes(StandardCharsets.US_ASCII);
            byte[] segment = {(byte) 0xFF, (byte) 0xFE, 0, (byte) (2 + comment.length)};
            photos.add(nodes.stored(TestImages.concat(Arrays.copyOf(jpeg, 2), segment, comment,
                    Arrays.copyOfRange(jpeg, 2, jpeg.length))));
        }
        return photos;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
