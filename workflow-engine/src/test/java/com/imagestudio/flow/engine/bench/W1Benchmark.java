package com.imagestudio.flow.engine.bench;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.image.EncodeSettings;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.nodes.transform.FitMode;
import com.imagestudio.flow.activities.nodes.transform.Resize;
import com.imagestudio.flow.activities.run.NodeExecutor;
import com.imagestudio.flow.activities.run.NodeInvocation;
import com.imagestudio.flow.activities.run.NodeResultCache;
import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.PortType;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunStatus;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The W1 workload: a folder of JPEGs, each covered to 1080x1080 (centre crop), JPEG quality 82,
 * metadata stripped; on {@code w1.threads} threads (default 2). It prints images/s, the median
 * time per image and the peak heap for four ways of doing it, measured in the same run:
 * <ol>
 *   <li>nodes fused in memory: {@code Resize.execute} then the JPEG encoder, no storage between;</li>
 *   <li>nodes through the node runtime (blob store, a lossless intermediate), no Temporal;</li>
 *   <li>the workflow engine: a durable run per image (Temporal, PostgreSQL, credits, progress);</li>
 *   <li>{@code vipsthumbnail}, when it is installed, as the outside reference.</li>
 * </ol>
 * Not part of the test suite (tag "benchmark"). Run:
 * {@code ./mvnw -pl nodes-catalog,activities,workflow-engine verify -Dgroups=benchmark -Dexcluded.groups=none -Dtest=W1Benchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dw1.dir=/folder/of/jpegs]}.
 * Without {@code w1.dir} it makes 24 photos-like 4000x3000 JPEGs.
 */
@Tag("benchmark")
@SpringBootTest
class W1Benchmark {

    private static final int SIDE = 1080;
    private static final int QUALITY = 82;

    @Autowired
    RunService runs;
    @Autowired
    BlobStore blobs;
    @Autowired
    NodeCatalog catalog;
    @Autowired
    ImageProbe probe;

    @Test
    void w1() throws Exception {
        int threads = Integer.getInteger("w1.threads", 2);
        List<Path> photos = photos();
        List<byte[]> bytes = new ArrayList<>();
        for (Path photo : photos) {
            bytes.add(Files.readAllBytes(photo));
        }
        System.out.printf("%nW1: %d JPEGs (%s), cover %dx%d, JPEG q%d, %d threads%n", photos.size(),
                describe(bytes.get(0)), SIDE, SIDE, QUALITY, threads);

        Result fused = measure("nodes, fused in memory", threads, bytes, this::fused);
        NodeExecutor executor = new NodeExecutor(catalog, blobs, probe, new MapCache());
        Result runtime = measure("nodes through the node runtime", threads, bytes, image -> throughRuntime(executor, image));
        Result engine = measure("workflow engine (a run per image)", threads, bytes, this::throughEngine);
        Optional<Result> vips = vipsthumbnail(photos, threads);

        System.out.printf("%n%-40s %10s %12s %14s%n", "path", "images/s", "median ms", "peak heap MB");
        for (Result r : vips.isPresent() ? List.of(fused, runtime, engine, vips.get()) : List.of(fused, runtime, engine)) {
            System.out.printf("%-40s %10.1f %12.1f %14s%n", r.name, r.perSecond(), r.medianMillis(),
                    r.peakHeapMb < 0 ? "n/a" : String.valueOf(r.peakHeapMb));
        }
        System.out.printf("engine overhead vs node runtime: %+.0f%% time per image; node runtime vs fused: %+.0f%%%n",
                (runtime.perSecond() / engine.perSecond() - 1) * 100, (fused.perSecond() / runtime.perSecond() - 1) * 100);
        vips.ifPresent(v -> System.out.printf("fused nodes vs vipsthumbnail: %.2fx the throughput%n", fused.perSecond() / v.perSecond()));
        System.out.println();
    }

    private void fused(byte[] jpeg) {
        BlobRef unstored = new BlobRef("0".repeat(64), "image/jpeg", jpeg.length, 0, 0);
        ImageInput input = new ImageInput(unstored, () -> jpeg, probe);
        NodeInputs inputs = new NodeInputs(Map.of("image", PortValue.media(PortType.IMAGE, unstored)), hash -> input);
        NodeOutputs out = new Resize().execute(inputs, new Resize.Params(SIDE, SIDE, FitMode.FILL));
        try (Mat square = out.asMap().get("image").image()) {
            ImageCodec.encode(square, new EncodeSettings(ImageFormat.JPEG, QUALITY, false));
        }
    }

    private void throughRuntime(NodeExecutor executor, byte[] jpeg) {
        try {
            PortValue photo = PortValue.media(PortType.IMAGE, blobs.put(jpeg, "image/jpeg"));
            PortValue square = executor.run(new NodeInvocation("bench", "resize", "Resize", 1,
                    Map.of("width", SIDE, "height", SIDE, "mode", "fill"), Map.of("image", photo))).outputs().get("image");
            executor.run(new NodeInvocation("bench", "encode", "Encode", 1,
                    Map.of("format", "jpeg", "quality", QUALITY), Map.of("image", square)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void throughEngine(byte[] jpeg) {
        try {
            String hash = blobs.put(jpeg, "image/jpeg").hash();
            var run = runs.await("w1", runs.start("w1", graph(), Map.of("photo", hash)).id(), Duration.ofMinutes(5));
            if (run.status() != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("run " + run.id() + " " + run.status() + ": " + run.error());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Graph graph() {
        return new Graph(List.of(
                new GraphNode("load", "LoadImage", 1, Map.of()),
                new GraphNode("resize", "Resize", 1, Map.of("width", SIDE, "height", SIDE, "mode", "fill")),
                new GraphNode("encode", "Encode", 1, Map.of("format", "jpeg", "quality", QUALITY)),
                new GraphNode("save", "SaveToLibrary", 1, Map.of())),
                List.of(new Edge("load.image", "resize.image"), new Edge("resize.image", "encode.image"),
                        new Edge("encode.image", "save.image")),
                List.of(new GraphInput("photo", "load", "blob", null)));
    }

    private Result measure(String name, int threads, List<byte[]> images, Work work) throws Exception {
        work.on(images.get(0)); // warm up: natives, JIT, first connections
        System.gc();
        HeapSampler heap = new HeapSampler();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (byte[] image : images) {
            done.add(pool.submit(() -> {
                long t = System.nanoTime();
                work.on(image);
                times.add(System.nanoTime() - t);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Result(name, images.size(), elapsed, times, heap.stop());
    }

    private static Optional<Result> vipsthumbnail(List<Path> photos, int threads) throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v vipsthumbnail").start().waitFor() != 0) {
            System.out.println("vipsthumbnail is not installed (apt-get install libvips-tools): no outside reference");
            return Optional.empty();
        }
        Path out = Files.createTempDirectory("w1-vips");
        StringBuilder list = new StringBuilder();
        photos.forEach(p -> list.append(p).append('\n'));
        Path files = Files.writeString(out.resolve("files.txt"), list);
        String command = "xargs -P " + threads + " -I{} vipsthumbnail {} --size " + SIDE + "x" + SIDE
                + " --smartcrop centre -o " + out + "/%s.jpg[Q=" + QUALITY + ",strip] < " + files;
        long start = System.nanoTime();
        int exit = new ProcessBuilder("sh", "-c", command).inheritIO().start().waitFor();
        long elapsed = System.nanoTime() - start;
        if (exit != 0) {
            throw new IllegalStateException("vipsthumbnail failed: " + exit);
        }
        return Optional.of(new Result("vipsthumbnail (" + threads + " processes)", photos.size(), elapsed,
                List.of(elapsed * threads / photos.size()), -1));
    }

    private static List<Path> photos() throws IOException {
        String dir = System.getProperty("w1.dir");
        if (dir != null) {
            try (var listing = Files.list(Path.of(dir))) {
                return listing.filter(p -> p.toString().toLowerCase().matches(".*\\.jpe?g")).sorted().toList();
            }
        }
        Path folder = Files.createTempDirectory("w1");
        List<Path> made = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            made.add(Files.write(folder.resolve("photo-" + i + ".jpg"), SyntheticPhotos.jpeg(4000, 3000, i)));
        }
        return made;
    }

    private static String describe(byte[] jpeg) {
        var info = new ImageProbe(Long.MAX_VALUE).probe(jpeg);
        return "first " + info.width() + "x" + info.height();
    }

    @FunctionalInterface
    interface Work {
        void on(byte[] image) throws Exception;
    }

    record Result(String name, int images, long nanos, List<Long> times, long peakHeapMb) {
        double perSecond() {
            return images / (nanos / 1e9);
        }

        double medianMillis() {
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2) / 1e6;
        }
    }

    /** Samples the used heap every 10 ms until stopped; answers the peak in MB. */
    static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final ExecutorService thread = Executors.newSingleThreadExecutor();

        HeapSampler() {
            var memory = ManagementFactory.getMemoryMXBean();
            thread.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        TimeUnit.MILLISECONDS.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long stop() {
            thread.shutdownNow();
            return peak.get() / (1024 * 1024);
        }
    }

    /** The node cache of the runtime path, in memory (the engine's is PostgreSQL). */
    static final class MapCache implements NodeResultCache {
        private final Map<String, Map<String, PortValue>> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<Map<String, PortValue>> find(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(String key, String nodeType, Map<String, PortValue> outputs) {
            entries.putIfAbsent(key, outputs);
        }
    }
}
