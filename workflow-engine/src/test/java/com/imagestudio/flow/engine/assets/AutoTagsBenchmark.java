package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.activities.image.Faces;
import com.imagestudio.flow.activities.image.ImageProbe;
import com.imagestudio.flow.engine.bench.SyntheticPhotos;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU per image of the automatic tags of a W1 output (a photo covered to 1080x1080, JPEG q82):
 * the library's tags, and alongside them, as a baseline, Haar faces on a 640 px copy (how the
 * tags were made before). Rounds interleave the two, so that a load from elsewhere hits both.
 * CPU is the whole process's: OpenCV detects faces on its own threads too, which the calling
 * thread's CPU (printed as well, as W1 counts it) leaves out.
 * Not part of the test suite (tag "benchmark"). Run:
 * {@code ./mvnw -o -pl nodes-catalog,activities,workflow-engine test -Dgroups=benchmark -Dexcluded.groups=none -Dtest=AutoTagsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class AutoTagsBenchmark {

    private static final int IMAGES = 24;
    private static final int ROUNDS = 5;

    @Test
    void autoTagsOfA1080Jpeg() {
        List<byte[]> outputs = new ArrayList<>();
        for (int seed = 0; seed < IMAGES; seed++) {
            outputs.add(SyntheticPhotos.covered(1080, 82, seed));
        }
        ImageProbe probe = new ImageProbe(100_000_000L);
        Map<String, AutoTags> variants = new LinkedHashMap<>();
        variants.put("library tags (LBP, 216 px copy)", new AutoTags(probe));
        variants.put("baseline (Haar, 640 px copy)", new AutoTags(probe, 640, Faces.Cascade.HAAR));
        variants.values().forEach(tags -> outputs.forEach(tags::of)); // warm up: JIT, classifiers, OpenCV's threads
        Map<String, List<double[]>> rounds = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            variants.forEach((name, tags) -> rounds.computeIfAbsent(name, n -> new ArrayList<>()).add(cpuPerImage(tags, outputs)));
        }

        System.out.printf("%nautomatic tags of %d 1080x1080 JPEGs (q82), median of %d rounds, %d CPUs%n", IMAGES, ROUNDS,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %22s %24s  %s%n", "variant", "CPU ms/image (process)", "(calling thread only)", "tags of the first");
        rounds.forEach((name, measured) -> System.out.printf("%-34s %22.1f %24.1f  %s%n", name,
                median(measured.stream().map(m -> m[0]).toList()), median(measured.stream().map(m -> m[1]).toList()),
                variants.get(name).of(outputs.get(0))));
    }

    /** CPU ms per image of the whole process, then of the calling thread alone. */
    private static double[] cpuPerImage(AutoTags tags, List<byte[]> images) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long process = processCpuNanos();
        long thread = threads.getCurrentThreadCpuTime();
        images.forEach(tags::of);
        return new double[] {(processCpuNanos() - process) / 1e6 / images.size(),
                (threads.getCurrentThreadCpuTime() - thread) / 1e6 / images.size()};
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElseThrow();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
