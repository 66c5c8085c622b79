package com.imagestudio.flow.engine.batch;

import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: prints rows per second and peak heap for a 1,000-row and a 10,000-row batch of a
 * cheap local graph (LoadImage, Resize 64x64 fill, Encode JPEG, SaveToLibrary) on the embedded
 * stack (embedded PostgreSQL, in-process Temporal server, all in this JVM). Every row has its
 * own small image, so the node cache never answers for a row. Run it with
 * {@code ./mvnw -pl nodes-catalog,activities,workflow-engine test -Dgroups=benchmark -Dexcluded.groups=none
 * -Dtest=BatchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dbenchmark.concurrency=N}
 * (default 4) and {@code -Dbenchmark.rows=1000,10000} change the runs.
 */
@Tag("benchmark")
@SpringBootTest
class BatchBenchmark {

    @Autowired
    BatchService batches;
    @Autowired
    BlobStore blobs;

    @Test
    void rowsPerSecondAndPeakHeap() throws Exception {
        int concurrency = Integer.getInteger("benchmark.concurrency", 4);
        String[] sizes = System.getProperty("benchmark.rows", "1000,10000").split(",");
        StringBuilder report = new StringBuilder("\n=== BatchBenchmark (concurrency " + concurrency + ", max heap "
                + mb(Runtime.getRuntime().maxMemory()) + " MB, " + Runtime.getRuntime().availableProcessors() + " CPUs) ===\n");
        for (String size : sizes) {
            report.append(run(Integer.parseInt(size.trim()), concurrency)).append('\n');
            System.out.println(report);
        }
        System.out.println(report);
    }

    private String run(int rows, int concurrency) throws Exception {
        String user = "bench-" + UUID.randomUUID();
        long salt = System.nanoTime();
        StringBuilder csv = new StringBuilder("image\n");
        for (int i = 0; i < rows; i++) {
            csv.append(blobs.put(image(i, salt), "image/png").hash()).append('\n');
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        long start = System.nanoTime();
        BatchView batch = batches.create(user, new BatchSpec(graph(), Map.of("photo", "image"), Map.of(), concurrency, null),
                csv.toString().getBytes(StandardCharsets.UTF_8), Map.of(), null);
        long accepted = System.nanoTime();
        while (!batch.status().isFinal()) {
            Thread.sleep(500);
            batch = batches.find(user, batch.id());
        }
        long end = System.nanoTime();
        sampler.interrupt();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();

        double seconds = (end - start) / 1e9;
        return String.format("%,6d rows: %s in %.1f s (checked and stored in %.1f s) = %.1f rows/s; heap used: %d MB before, "
                        + "peak %d MB (sampled every 50 ms), %d MB after GC; %d succeeded, %d failed",
                rows, batch.status(), seconds, (accepted - start) / 1e9, rows / seconds, mb(before), mb(peak.get()), mb(after),
                batch.progress().succeeded(), batch.progress().failed());
    }

    private static Graph graph() {
        return new Graph(List.of(
                new GraphNode("load", "LoadImage", 1, Map.of()),
                new GraphNode("resize", "Resize", 1, Map.of("width", 64, "height", 64, "mode", "fill")),
                new GraphNode("encode", "Encode", 1, Map.of("format", "jpeg", "quality", 80)),
                new GraphNode("save", "SaveToLibrary", 1, Map.of())),
                List.of(new Edge("load.image", "resize.image"), new Edge("resize.image", "encode.image"),
                        new Edge("encode.image", "save.image")),
                List.of(new GraphInput("photo", "load", "blob", null)));
    }

    /** A 96x72 picture unique to this row and run: a colour from the index and a stamp of its bits. */
    private static byte[] image(int index, long salt) throws IOException {
        BufferedImage image = new BufferedImage(96, 72, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(Color.HSBtoRGB(index / 997f, 0.7f, 0.9f)));
        g.fillRect(0, 0, 96, 72);
        g.dispose();
        long stamp = salt * 31 + index;
        for (int bit = 0; bit < 64; bit++) {
            image.setRGB(bit % 16, bit / 16, ((stamp >>> bit) & 1) == 1 ? 0xFFFFFF : 0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
