package com.imagestudio.flow.engine.bench;

import com.imagestudio.flow.activities.testing.InMemoryNodeResultCache;
import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.image.EncodeSettings;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.activities.image.NativeImageMemory;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.nodes.transform.FitMode;
import com.imagestudio.flow.activities.nodes.transform.Resize;
import com.imagestudio.flow.activities.run.NodeExecutor;
import com.imagestudio.flow.activities.run.ChainStep;
import com.imagestudio.flow.activities.run.FusedChain;
import com.imagestudio.flow.activities.providers.ProgressListener;
import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.catalog.schema.NodeCatalog;
import com.imagestudio.flow.catalog.schema.PortType;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunStatus;
import com.imagestudio.flow.engine.run.RunView;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import jakarta.persistence.EntityManagerFactory;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The W1 workload: a folder of JPEGs, each covered to 1080x1080 (centre crop), JPEG quality 82,
 * metadata stripped. Seven ways of doing it, measured in the same run, in {@code w1.rounds}
 * interleaved rounds (default 3) so that a load from elsewhere on the machine hits them alike
 * (the one run over the folder next to the direct paths, before them every other round),
 * after warm-up rounds that are not counted: at least {@code w1.warmups} (default 2), then more
 * until the JIT's compiler threads take under 5% of a round's CPU (at most {@code w1.maxWarmups},
 * default 30; on 2 cores it took 19 and 29 rounds, 10 to 17 minutes: the engine's code is large).
 * Until the JIT has compiled the engine's code paths (Temporal, gRPC, Spring, JDBC, Jackson), a
 * run costs several times what it costs in a studio that has been up for a while:
 * <ol>
 *   <li>the direct path: {@code Resize.execute} then the JPEG encoder, in memory, on
 *       {@code w1.threads} threads (default 2);</li>
 *   <li>the same folder to folder, as a script calling the nodes would do W1 (and as
 *       vipsthumbnail does): each photo read from its file, its square written to a file;</li>
 *   <li>the node runtime: what a run's activity does, without Temporal or the database: the photo
 *       stored, then Resize -> Encode -> SaveToLibrary as one fused chain, on the same threads;</li>
 *   <li>the workflow engine: a durable run per image (Temporal, PostgreSQL, credits, progress, the
 *       asset library), {@code w1.inflight} runs at once (default 3 per thread), so that the cores
 *       never wait on a round trip;</li>
 *   <li>the workflow engine, one run over the folder: the photos uploaded, then one durable run
 *       whose nodes are mapped over the list of photos (one fused activity, the photos spread
 *       over the worker's cores), every output an asset of the library; W1 asks for no tags, so its
 *       outputs are untagged ({@code autoTags} off) and the engine does the direct path's work,
 *       and the same run again with the library's automatic tags shows what they add;</li>
 *   <li>{@code vipsthumbnail}, when it is installed, as the outside reference.</li>
 * </ol>
 * Each path prints the median of its rounds' images/s, the median time per image, the JIT's
 * share of its CPU and its peak heap, then the engine's overhead as a ratio against the direct
 * paths, and what one engine run is made of (Temporal events, database transactions, per-node
 * times, what it stored).
 * Every round works on its own copies of the photos (a JPEG comment makes their bytes differ),
 * so that no node cache answers for them.
 * Not part of the test suite (tag "benchmark"). Run:
 * {@code ./mvnw -pl nodes-catalog,activities,workflow-engine verify -Dgroups=benchmark -Dexcluded.groups=none -Dtest=W1Benchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dw1.dir=/folder/of/jpegs]}.
 * Without {@code w1.dir} it makes {@code w1.photos} (default 24) photo-like 4000x3000 JPEGs: a
 * run's fixed costs (starting it, recording its end) weigh less on one run over a larger folder.
 */
@Tag("benchmark")
@SpringBootTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class W1Benchmark {

    private static final int SIDE = 1080;
    private static final int QUALITY = 82;
    private static final String USER = "w1";
    private static final String DIRECT = "direct path (nodes in memory)";
    private static final String DIRECT_FILES = "direct path (folder to folder)";
    private static final String A_RUN_PER_IMAGE = "workflow engine (a run per image)";
    private static final String ONE_RUN = "workflow engine (one run over the folder)";
    private static final String ONE_RUN_TAGGED = "  the same, outputs auto-tagged";
    /** Warm-up goes on (up to w1.maxWarmups rounds) until the JIT's compiler threads take less than this share of a round's CPU. */
    private static final double SETTLED_JIT_SHARE = 0.05;

    @Autowired
    RunService runs;
    @Autowired
    BlobStore blobs;
    @Autowired
    NodeCatalog catalog;
    @Autowired
    ImageProbe probe;
    @Autowired
    WorkflowClient temporal;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EntityManagerFactory jpa;

    @Test
    void w1() throws Exception {
        int threads = Integer.getInteger("w1.threads", 2);
        int inflight = Integer.getInteger("w1.inflight", 3 * threads);
        int rounds = Integer.getInteger("w1.rounds", 3);
        int warmUps = Integer.getInteger("w1.warmups", 2);
        int maxWarmUps = Math.max(warmUps, Integer.getInteger("w1.maxWarmups", 30));
        Integer openCvThreads = Integer.getInteger("w1.opencvThreads");
        if (openCvThreads != null) {
            opencv_core.setNumThreads(openCvThreads);
        }
        List<Path> photos = photos();
        List<byte[]> originals = new ArrayList<>();
        for (Path photo : photos) {
            originals.add(Files.readAllBytes(photo));
        }
        System.out.printf("%nW1: %d JPEGs (%s), cover %dx%d, JPEG q%d; %d threads, %d engine runs in flight, %d to %d warm-up rounds, "
                        + "%d rounds, %d CPUs, OpenCV on %d threads%n", photos.size(), describe(originals.get(0)), SIDE, SIDE, QUALITY,
                threads, inflight, warmUps, maxWarmUps, rounds, Runtime.getRuntime().availableProcessors(), opencv_core.getNumThreads());

        NodeExecutor executor = new NodeExecutor(catalog, blobs, probe, new InMemoryNodeResultCache());
        Map<String, List<Result>> results = new LinkedHashMap<>();
        EngineCounts counts = new EngineCounts();
        List<String> lastRound = Collections.synchronizedList(new ArrayList<>());
        List<FolderRun> folderRuns = new ArrayList<>();
        Path squares = Files.createTempDirectory("w1-squares");
        Work<Path> folderToFolder = photo -> Files.write(squares.resolve(photo.getFileName()), direct(Files.readAllBytes(photo)));
        // the engine's code (Temporal, gRPC, Spring, JDBC, Jackson) is compiled by the JIT over
        // hundreds of runs: measured before that, every path pays for compiling the engine
        for (int round = 0; round < maxWarmUps; round++) {
            List<byte[]> images = uniqueCopies(originals, "warm-up " + round);
            long cpu = cpuNanos();
            long compiling = compilerNanos();
            measure("warm-up", threads, images, this::direct);
            measure("warm-up", threads, photos, folderToFolder);
            measure("warm-up", threads, images, image -> throughRuntime(executor, image));
            measure("warm-up", inflight, images, this::throughEngine);
            measureFolder("warm-up", uniqueCopies(originals, "folder warm-up " + round), folder -> throughOneRun(folder, threads, false));
            measureFolder("warm-up", uniqueCopies(originals, "tagged folder warm-up " + round), folder -> throughOneRun(folder, threads, true));
            double jitShare = (double) (compilerNanos() - compiling) / (cpuNanos() - cpu);
            System.out.printf("warm-up round %d: the JIT took %.0f%% of its CPU%n", round + 1, jitShare * 100);
            if (round + 1 >= warmUps && jitShare < SETTLED_JIT_SHARE) {
                break;
            }
        }
        for (int round = 0; round < rounds; round++) {
            List<byte[]> images = uniqueCopies(originals, "round " + round);
            String folderRound = "folder round " + round;
            // the folder run right next to the direct paths it is compared with, first every other
            // round, last the others: a machine getting slower or faster over a round favours
            // none; its copies are made when it runs, so that they are not on the direct paths' heap
            List<java.util.concurrent.Callable<Result>> pair = new ArrayList<>(List.of(
                    () -> measure(DIRECT, threads, images, this::direct),
                    () -> measure(DIRECT_FILES, threads, photos, folderToFolder),
                    () -> measureFolder(ONE_RUN, uniqueCopies(originals, folderRound),
                            folder -> folderRuns.add(throughOneRun(folder, threads, false)))));
            if (round % 2 == 1) {
                Collections.reverse(pair);
            }
            for (java.util.concurrent.Callable<Result> path : pair) {
                record(results, path.call());
            }
            record(results, measureFolder(ONE_RUN_TAGGED, uniqueCopies(originals, "tagged " + folderRound),
                    folder -> throughOneRun(folder, threads, true)));
            record(results, measure("node runtime (fused chain, no Temporal)", threads, images,
                    image -> throughRuntime(executor, image)));
            counts.start();
            lastRound.clear();
            record(results, measure(A_RUN_PER_IMAGE, inflight, images, image -> lastRound.add(throughEngine(image))));
            counts.stop(images.size());
            vipsthumbnail(photos, threads).ifPresent(vips -> record(results, vips));
        }

        System.out.printf("%n%-42s %10s %12s %14s %18s %14s%n", "path (median of " + rounds + " rounds)", "images/s",
                "median ms", "CPU ms/image", "of which JIT (mean)", "peak heap MB");
        Map<String, Double> perSecond = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        results.forEach((name, measured) -> {
            perSecond.put(name, median(measured.stream().map(Result::perSecond).toList()));
            cpu.put(name, median(measured.stream().map(Result::cpuMillisPerImage).toList()));
            List<Long> times = measured.stream().flatMap(r -> r.times().stream()).toList();
            long heap = measured.stream().mapToLong(Result::peakHeapMb).max().orElse(-1);
            System.out.printf("%-42s %10.1f %12.1f %14s %18s %14s%n", name, perSecond.get(name),
                    median(times.stream().map(t -> t / 1e6).toList()),
                    cpu.get(name) < 0 ? "n/a" : String.format("%.1f", cpu.get(name)),
                    shares.containsKey(name) ? String.format("%.1f", shares.get(name).compilingMillisPerImage()) : "n/a",
                    heap < 0 ? "n/a" : String.valueOf(heap));
        });
        results.forEach((name, measured) -> System.out.printf("  rounds of %s: %s images/s, %s CPU ms/image%n", name,
                measured.stream().map(r -> String.format("%.1f", r.perSecond())).collect(Collectors.joining(" ")),
                measured.stream().map(r -> String.format("%.0f", r.cpuMillisPerImage())).collect(Collectors.joining(" "))));
        for (String engine : List.of(ONE_RUN, ONE_RUN_TAGGED, A_RUN_PER_IMAGE)) {
            compare(results, perSecond, cpu, engine, DIRECT);
        }
        compare(results, perSecond, cpu, ONE_RUN, DIRECT_FILES);
        perSecond.keySet().stream().filter(name -> name.startsWith("vipsthumbnail")).findFirst().ifPresent(vips ->
                System.out.printf("vs vipsthumbnail: the direct path at %.2fx its throughput in memory and %.2fx folder to folder, "
                                + "one run over the folder at %.2fx%n", perSecond.get(DIRECT) / perSecond.get(vips),
                        perSecond.get(DIRECT_FILES) / perSecond.get(vips), perSecond.get(ONE_RUN) / perSecond.get(vips)));
        anatomy("one run of " + A_RUN_PER_IMAGE, lastRound.get(lastRound.size() - 1));
        System.out.printf("per run (start, run, await): %.1f database transactions through JPA, %.1f of them writing, "
                + "%.1f SQL statements%n", counts.transactions(), counts.writes(), counts.statements());
        FolderRun lastFolderRun = folderRuns.get(folderRuns.size() - 1);
        anatomy("the last " + ONE_RUN, lastFolderRun.runId());
        timeline(lastFolderRun);
        for (String path : List.of(DIRECT, DIRECT_FILES, A_RUN_PER_IMAGE, ONE_RUN)) {
            System.out.printf("%nCPU per image of %s, by where it is spent:%n", path);
            shares.get(path).print();
        }
        System.out.printf("%nthis JVM's peak resident memory (VmHWM, every path, heap and native): %s; glibc malloc %s freed image memory%n",
                peakResidentMemory(), NativeImageMemory.keepFreedMemory() ? "keeps" : "does not keep");
        System.out.println();
    }

    /**
     * The engine's overhead on a path against a direct path: from the medians of their rounds
     * ({@code perSecond}, {@code cpu}, by path), and round by round.
     */
    private static void compare(Map<String, List<Result>> results, Map<String, Double> perSecond, Map<String, Double> cpu,
                                String engine, String direct) {
        double enginePerSecond = perSecond.get(engine);
        double directPerSecond = perSecond.get(direct);
        double engineCpu = cpu.get(engine);
        double directCpu = cpu.get(direct);
        System.out.printf("%s vs the %s: %+.0f%% time per image (%.2fx its throughput), "
                        + "%+.1f CPU ms per image (%+.0f%%); target: overhead at most 10%%%n", engine, direct,
                (directPerSecond / enginePerSecond - 1) * 100, enginePerSecond / directPerSecond,
                engineCpu - directCpu, (engineCpu / directCpu - 1) * 100);
        // the same compared round by round, each engine round with the same round's direct path
        List<Double> time = new ArrayList<>();
        List<Double> cpuRatio = new ArrayList<>();
        for (int round = 0; round < results.get(engine).size(); round++) {
            Result baseline = results.get(direct).get(round);
            Result measured = results.get(engine).get(round);
            time.add(baseline.perSecond() / measured.perSecond() - 1);
            cpuRatio.add(measured.cpuMillisPerImage() / baseline.cpuMillisPerImage() - 1);
        }
        System.out.printf("  round by round: %s time per image, %s CPU; medians %+.0f%% and %+.0f%%%n",
                time.stream().map(r -> String.format("%+.0f%%", r * 100)).collect(Collectors.joining(" ")),
                cpuRatio.stream().map(r -> String.format("%+.0f%%", r * 100)).collect(Collectors.joining(" ")),
                median(time) * 100, median(cpuRatio) * 100);
    }

    /** The kernel's figure for the process: heap, native image memory, code and the rest. */
    private static String peakResidentMemory() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring("VmHWM:".length()).strip()).findFirst().orElse("n/a");
    }

    private static void record(Map<String, List<Result>> results, Result result) {
        results.computeIfAbsent(result.name(), name -> new ArrayList<>()).add(result);
    }

    /** @return the square JPEG */
    private byte[] direct(byte[] jpeg) {
        BlobRef unstored = new BlobRef("0".repeat(64), "image/jpeg", jpeg.length, 0, 0);
        ImageInput input = new ImageInput(unstored, () -> jpeg, probe);
        NodeInputs inputs = new NodeInputs(Map.of("image", PortValue.media(PortType.IMAGE, unstored)), ref -> input);
        NodeOutputs out = new Resize().execute(inputs, new Resize.Params(SIDE, SIDE, FitMode.FILL));
        try (Mat square = out.asMap().get("image").image()) {
            return ImageCodec.encode(square, new EncodeSettings(ImageFormat.JPEG, QUALITY, false)).bytes();
        }
    }

    /** What a run's one activity does for a photo, without Temporal or the database: the photo stored, then the fused chain. */
    private void throughRuntime(NodeExecutor executor, byte[] jpeg) {
        try {
            PortValue photo = PortValue.media(PortType.IMAGE, blobs.put(jpeg, "image/jpeg"));
            executor.run(new FusedChain("bench", List.of(
                    new ChainStep("resize", "Resize", 1, Map.of("width", SIDE, "height", SIDE, "mode", "fill"),
                            Map.of("image", photo), Map.of()),
                    new ChainStep("encode", "Encode", 1, Map.of("format", "jpeg", "quality", QUALITY), Map.of(),
                            Map.of("image", "image")),
                    new ChainStep("save", "SaveToLibrary", 1, Map.of(), Map.of(), Map.of("image", "image")))),
                    ProgressListener.NONE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the run's id */
    private String throughEngine(byte[] jpeg) {
        try {
            String hash = blobs.put(jpeg, "image/jpeg").hash();
            RunView run = runs.await(USER, runs.start(USER, graph(), Map.of("photo", hash)).id(), Duration.ofMinutes(5));
            if (run.status() != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("run " + run.id() + " " + run.status() + ": " + run.error());
            }
            return run.id();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One run over the folder, and when its photos' uploads began and ended. */
    private record FolderRun(String runId, Instant uploading, Instant uploaded) {
    }

    /**
     * The folder as one run: every photo uploaded (on {@code threads} callers, as a client would),
     * then one run of LoadImages -> Resize -> Encode -> SaveToLibrary, whose nodes run once per
     * photo inside one fused activity; its outputs get the library's automatic tags if {@code tagged}.
     */
    private FolderRun throughOneRun(List<byte[]> jpegs, int threads, boolean tagged) throws Exception {
        Instant uploading = Instant.now();
        ExecutorService uploaders = callers(threads);
        List<Future<String>> hashes = new ArrayList<>();
        for (byte[] jpeg : jpegs) {
            hashes.add(uploaders.submit(() -> blobs.put(jpeg, "image/jpeg").hash()));
        }
        List<String> folder = new ArrayList<>();
        for (Future<String> hash : hashes) {
            folder.add(hash.get());
        }
        Instant uploaded = Instant.now();
        RunView run = runs.await(USER, runs.start(USER, folderGraph(tagged), Map.of("photos", String.join(",", folder))).id(),
                Duration.ofMinutes(10));
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("run " + run.id() + " " + run.status() + ": " + run.error());
        }
        int saved = run.outputs().get("save").get("image").list().size();
        if (saved != jpegs.size()) {
            throw new IllegalStateException("run " + run.id() + " saved " + saved + " of " + jpegs.size() + " photos");
        }
        return new FolderRun(run.id(), uploading, uploaded);
    }

    /** The square-post graph of a run per image. */
    private static Graph graph() {
        return squares("LoadImage", "image", "photo", "blob", false);
    }

    /** The square-post graph of one run over the folder: the nodes after the loader run once per photo. */
    private static Graph folderGraph(boolean tagged) {
        return squares("LoadImages", "images", "photos", "blobs", tagged);
    }

    /** W1 asks for no tags, so the engine does the direct path's work, unless {@code tagged} adds the library's. */
    private static Graph squares(String loader, String loaded, String input, String param, boolean tagged) {
        return new Graph(List.of(
                new GraphNode("load", loader, 1, Map.of()),
                new GraphNode("resize", "Resize", 1, Map.of("width", SIDE, "height", SIDE, "mode", "fill")),
                new GraphNode("encode", "Encode", 1, Map.of("format", "jpeg", "quality", QUALITY)),
                new GraphNode("save", "SaveToLibrary", 1, Map.of("autoTags", tagged))),
                List.of(new Edge("load." + loaded, "resize.image"), new Edge("resize.image", "encode.image"),
                        new Edge("encode.image", "save.image")),
                List.of(new GraphInput(input, "load", param, null)));
    }

    /**
     * What one engine run is made of: its Temporal events (activities, local activities as
     * markers, workflow tasks), the database transactions of the runs measured (with those of
     * starting and awaiting them), and each node's time and what it stored.
     */
    private void anatomy(String title, String runId) {
        Map<EventType, Long> events = temporal.fetchHistory(runId).getEvents().stream()
                .collect(Collectors.groupingBy(HistoryEvent::getEventType, Collectors.counting()));
        System.out.printf("%n%s: %d activities, %d markers (local activities, versions), %d workflow tasks, %d history events%n",
                title, events.getOrDefault(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, 0L),
                events.getOrDefault(EventType.EVENT_TYPE_MARKER_RECORDED, 0L),
                events.getOrDefault(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, 0L),
                events.values().stream().mapToLong(Long::longValue).sum());
        RunView run = runs.find(USER, runId);
        for (RunView.NodeView node : run.nodes()) {
            String stored = node.outputs().values().stream().map(v -> v.blob() != null
                            ? v.blob().mediaType() + " " + v.blob().size() / 1024 + " KB"
                            : v.list() != null ? v.list().size() + " images, " + v.list().stream().mapToLong(b -> b.size()).sum() / 1024 + " KB"
                            : null)
                    .filter(java.util.Objects::nonNull).collect(Collectors.joining(", "));
            String took = node.startedAt() == null ? "-" : Duration.between(node.startedAt(), node.finishedAt()).toMillis() + " ms";
            System.out.printf("  %-8s %-14s %-10s %8s  %s%n", node.id(), node.type(), node.cached() ? "cached" : "ran", took,
                    stored.isEmpty() ? "nothing stored" : stored);
        }
        System.out.printf("  run: %d ms from created to finished%n", Duration.between(run.createdAt(), run.finishedAt()).toMillis());
    }

    /**
     * When each part of a folder run happened, in ms from the start of its uploads: the Temporal
     * history's event times (a local activity's marker is recorded when the workflow task that
     * ran it completes), so that the serial parts around the fused activity are measured.
     */
    private void timeline(FolderRun folder) {
        System.out.printf("  timeline, ms from the first upload: %d uploads done%n",
                Duration.between(folder.uploading(), folder.uploaded()).toMillis());
        Map<Long, String> activities = new HashMap<>();
        for (HistoryEvent event : temporal.fetchHistory(folder.runId()).getEvents()) {
            String what = switch (event.getEventType()) {
                case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> "workflow started";
                case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
                    activities.put(event.getEventId(), event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
                    yield "activity " + activities.get(event.getEventId()) + " scheduled";
                }
                case EVENT_TYPE_ACTIVITY_TASK_STARTED ->
                        "activity " + activities.get(event.getActivityTaskStartedEventAttributes().getScheduledEventId()) + " started";
                case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
                        "activity " + activities.get(event.getActivityTaskCompletedEventAttributes().getScheduledEventId()) + " completed";
                case EVENT_TYPE_MARKER_RECORDED -> Optional.ofNullable(event.getMarkerRecordedEventAttributes().getDetailsMap().get("type"))
                        .map(type -> "local activity " + DefaultDataConverter.STANDARD_INSTANCE
                                .fromPayloads(0, Optional.of(type), String.class, String.class) + " recorded")
                        .orElse(null);
                case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED -> "workflow completed";
                default -> null;
            };
            if (what != null) {
                Instant at = Instant.ofEpochSecond(event.getEventTime().getSeconds(), event.getEventTime().getNanos());
                System.out.printf("  %34d %s%n", Duration.between(folder.uploading(), at).toMillis(), what);
            }
        }
    }

    /**
     * Where the engine rounds' CPU time goes, per image: every thread of this JVM, Java's and the
     * JVM's own (the JIT's compiler threads, the garbage collector's) and native ones (OpenCV's),
     * grouped by the name the kernel knows them by (15 characters) with digits folded, read from
     * {@code /proc/self/task}; the time of threads that ended meanwhile; and the embedded
     * PostgreSQL's processes. With each group, its page faults: memory handed back to the system
     * and touched again costs CPU in the kernel, charged to the thread that touches it.
     */
    static final class CpuShares {
        private final Map<String, Long> totals = new java.util.TreeMap<>();
        private final Map<String, Long> faults = new HashMap<>();
        private Map<String, Long> before;
        private Map<String, Long> faultsBefore;
        private long jvmBefore;
        private long postgresBefore;
        private long images;

        void start() {
            before = byThread(CpuShares::onCpuNanos);
            faultsBefore = byThread(CpuShares::minorFaults);
            jvmBefore = cpuNanos(ProcessHandle.current());
            postgresBefore = postgresNanos();
        }

        void stop(int imagesMeasured) {
            Map<String, Long> after = byThread(CpuShares::onCpuNanos);
            byThread(CpuShares::minorFaults).forEach((thread, count) ->
                    faults.merge(group(thread), count - faultsBefore.getOrDefault(thread, 0L), Long::sum));
            long jvm = cpuNanos(ProcessHandle.current()) - jvmBefore;
            long onThreads = 0;
            for (Map.Entry<String, Long> thread : after.entrySet()) {
                long spent = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
                onThreads += spent;
                totals.merge(group(thread.getKey()), spent, Long::sum);
            }
            totals.merge("(threads that ended)", Math.max(0, jvm - onThreads), Long::sum);
            totals.merge("(embedded PostgreSQL processes)", postgresNanos() - postgresBefore, Long::sum);
            images += imagesMeasured;
        }

        /** The JIT's compiler threads: what a path costs only until the code it runs is compiled. */
        double compilingMillisPerImage() {
            return totals.entrySet().stream().filter(group -> group.getKey().contains("CompilerThre"))
                    .mapToLong(Map.Entry::getValue).sum() / 1e6 / images;
        }

        void print() {
            totals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .filter(group -> group.getValue() / 1e6 / images >= 0.5)
                    .forEach(group -> System.out.printf("  %8.1f ms  %7s page faults  %s%n", group.getValue() / 1e6 / images,
                            faults.containsKey(group.getKey()) ? String.format("%.0f", (double) faults.get(group.getKey()) / images) : "",
                            group.getKey()));
        }

        private static String group(String thread) {
            return thread.substring(thread.indexOf(' ') + 1);
        }

        /** The first field of schedstat: nanoseconds on a CPU. */
        private static long onCpuNanos(Path task) throws IOException {
            return Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
        }

        /** The tenth field of stat (minflt), counted after the name in parentheses. */
        private static long minorFaults(Path task) throws IOException {
            String stat = Files.readString(task.resolve("stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
        }

        /** A figure of each live thread, by "tid name". */
        private static Map<String, Long> byThread(ThreadFigure figure) {
            Map<String, Long> threads = new HashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                tasks.forEach(task -> {
                    try {
                        String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "N");
                        threads.put(task.getFileName() + " " + name, figure.of(task));
                    } catch (IOException | RuntimeException ended) {
                        // the thread ended while being read: its time counts as an ended thread's
                    }
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return threads;
        }

        interface ThreadFigure {
            long of(Path task) throws IOException;
        }
    }

    /** Database work over the engine rounds: JPA transactions and statements, and writing transactions (PostgreSQL ids). */
    final class EngineCounts {
        private long transactions;
        private long statements;
        private long writes;
        private long runs;
        private long startTransactions;
        private long startStatements;
        private long startXid;

        void start() {
            Statistics statistics = statistics();
            startTransactions = statistics.getTransactionCount();
            startStatements = statistics.getPrepareStatementCount();
            startXid = currentXid();
        }

        void stop(int runsMeasured) {
            Statistics statistics = statistics();
            transactions += statistics.getTransactionCount() - startTransactions;
            statements += statistics.getPrepareStatementCount() - startStatements;
            writes += currentXid() - startXid - 1;
            runs += runsMeasured;
        }

        double transactions() {
            return (double) transactions / runs;
        }

        double statements() {
            return (double) statements / runs;
        }

        double writes() {
            return (double) writes / runs;
        }

        private Statistics statistics() {
            return jpa.unwrap(SessionFactory.class).getStatistics();
        }

        /** Every writing transaction takes the next id; asking for one takes one too. */
        private long currentXid() {
            return jdbc.sql("select pg_current_xact_id()::text::bigint").query(Long.class).single();
        }
    }

    /** Where each path's CPU went, over its measured rounds (and warm-ups, under "warm-up"), from the same window as its CPU figure. */
    private final Map<String, CpuShares> shares = new HashMap<>();

    /** The callers of each path, kept across rounds so that their CPU time stays on live threads. */
    private final Map<Integer, ExecutorService> callers = new HashMap<>();

    private <T> Result measure(String name, int threads, List<T> images, Work<T> work) throws Exception {
        work.on(images.get(images.size() - 1)); // warm up: natives, JIT, first connections
        List<T> measured = images.subList(0, images.size() - 1);
        ExecutorService pool = callers(threads);
        return timed(name, measured.size(), () -> {
            List<Long> times = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> done = new ArrayList<>();
            for (T image : measured) {
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
            return times;
        });
    }

    /** As {@link #measure}, for work given the whole folder at once; its time per image is the total over the count. */
    private Result measureFolder(String name, List<byte[]> images, FolderWork work) throws Exception {
        work.on(images.subList(images.size() - 1, images.size()));
        List<byte[]> measured = images.subList(0, images.size() - 1);
        return timed(name, measured.size(), () -> {
            long start = System.nanoTime();
            work.on(measured);
            return List.of((System.nanoTime() - start) / measured.size());
        });
    }

    /**
     * Runs a path once the machine is quiet, and charges it the CPU of what it leaves behind (the
     * garbage collector, PostgreSQL's background writers) until the machine is quiet again: no
     * path pays for the one before it.
     */
    private Result timed(String name, int images, java.util.concurrent.Callable<List<Long>> work) throws Exception {
        System.gc();
        settle();
        CpuShares where = shares.computeIfAbsent(name, path -> new CpuShares());
        where.start();
        HeapSampler heap = new HeapSampler();
        long cpu = cpuNanos();
        long start = System.nanoTime();
        List<Long> times = work.call();
        long elapsed = System.nanoTime() - start;
        long peakHeap = heap.stop();
        settle();
        where.stop(images);
        return new Result(name, images, elapsed, times, peakHeap, cpuNanos() - cpu);
    }

    /** Waits (at most 30 s) until this JVM and PostgreSQL use under a tenth of a core over 300 ms. */
    private static void settle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long window = TimeUnit.MILLISECONDS.toNanos(300);
        for (long before = cpuNanos(); System.nanoTime() < deadline; ) {
            TimeUnit.NANOSECONDS.sleep(window);
            long now = cpuNanos();
            if (now - before < window / 10) {
                return;
            }
            before = now;
        }
    }

    private ExecutorService callers(int threads) {
        return callers.computeIfAbsent(threads, n -> Executors.newFixedThreadPool(n, task -> {
            Thread caller = new Thread(task, "w1-caller-" + n);
            caller.setDaemon(true);
            return caller;
        }));
    }

    private static Optional<Result> vipsthumbnail(List<Path> photos, int threads) throws Exception {
        if (new ProcessBuilder("sh", "-c", "command -v vipsthumbnail").start().waitFor() != 0) {
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
                List.of(elapsed * threads / photos.size()), -1, -1));
    }

    private static List<Path> photos() throws IOException, InterruptedException {
        String dir = System.getProperty("w1.dir");
        if (dir != null) {
            try (var listing = Files.list(Path.of(dir))) {
                return listing.filter(p -> p.toString().toLowerCase().matches(".*\\.jpe?g")).sorted().toList();
            }
        }
        if (new ProcessBuilder("sh", "-c", "command -v vipsthumbnail").start().waitFor() != 0) {
            System.out.println("vipsthumbnail is not installed (apt-get install libvips-tools): no outside reference");
        }
        Path folder = Files.createTempDirectory("w1");
        List<Path> made = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("w1.photos", 24); i++) {
            made.add(Files.write(folder.resolve("photo-" + i + ".jpg"), SyntheticPhotos.jpeg(4000, 3000, i)));
        }
        return made;
    }

    /** The photos with a JPEG comment right after the start marker: same pixels, other bytes, other hashes. */
    private static List<byte[]> uniqueCopies(List<byte[]> jpegs, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        Function<byte[], byte[]> copy = jpeg -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + text.length + 4);
            out.write(jpeg, 0, 2);
            out.write(0xFF);
            out.write(0xFE);
            out.write((text.length + 2) >> 8);
            out.write((text.length + 2) & 0xFF);
            out.write(text, 0, text.length);
            out.write(jpeg, 2, jpeg.length - 2);
            return out.toByteArray();
        };
        return jpegs.stream().map(copy).toList();
    }

    private static String describe(byte[] jpeg) {
        var info = new ImageProbe(Long.MAX_VALUE).probe(jpeg);
        return "first " + info.width() + "x" + info.height();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @FunctionalInterface
    interface Work<T> {
        void on(T image) throws Exception;
    }

    @FunctionalInterface
    interface FolderWork {
        void on(List<byte[]> images) throws Exception;
    }

    /** CPU time of the JIT's compiler threads. */
    private static long compilerNanos() {
        return CpuShares.byThread(CpuShares::onCpuNanos).entrySet().stream().filter(thread -> thread.getKey().contains("CompilerThre"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** CPU time of this JVM and of the embedded PostgreSQL: what a path costs, whatever else the machine runs. */
    private static long cpuNanos() {
        return cpuNanos(ProcessHandle.current()) + postgresNanos();
    }

    /**
     * CPU time of the PostgreSQL processes (the server and a process per connection). The
     * embedded server is started through pg_ctl, so its processes are not this JVM's descendants.
     */
    private static long postgresNanos() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().filter(c -> c.endsWith("/postgres")).isPresent())
                .mapToLong(W1Benchmark::cpuNanos).sum();
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** @param cpuNanos CPU time spent while measuring; negative when not measured */
    record Result(String name, int images, long nanos, List<Long> times, long peakHeapMb, long cpuNanos) {
        double perSecond() {
            return images / (nanos / 1e9);
        }

        double cpuMillisPerImage() {
            return cpuNanos < 0 ? -1 : cpuNanos / 1e6 / images;
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
}
