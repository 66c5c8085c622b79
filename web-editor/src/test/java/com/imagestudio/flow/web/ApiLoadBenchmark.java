package com.imagestudio.flow.web;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load test on loopback: {@code load.clients} clients (default 8) trigger runs of a
 * small local graph over HTTP for {@code load.seconds} (default 60) and wait for each to end;
 * prints runs/s, p50/p99 latency of trigger-to-finished, and errors. Not part of the test suite
 * (tag "benchmark"); run it with
 * {@code ./mvnw -pl nodes-catalog,activities,workflow-engine,web-editor verify -Dgroups=benchmark -Dexcluded.groups=none -Dtest=ApiLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "studio.credits.default-plan=enterprise")
class ApiLoadBenchmark {

    @LocalServerPort
    int port;

    @Test
    void triggerRunsConcurrentlyForAFixedTimeAndReportLatencies() throws Exception {
        int clients = Integer.getInteger("load.clients", 8);
        long seconds = Long.getLong("load.seconds", 60);
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        String photo = upload(http);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        warmUp(http, photo);

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    // a different width each time, so the node cache does not answer
                    Map<?, ?> run = trigger(http, photo, 32 + sequence.incrementAndGet() % 1000);
                    if (run != null && "SUCCEEDED".equals(run.get("status"))) {
                        latencies.add(System.nanoTime() - start);
                    } else {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%nAPI load, %d clients for %d s: %d runs, %.1f runs/s, p50 %.0f ms, p99 %.0f ms, max %.0f ms, %d errors%n%n",
                clients, seconds, sorted.size(), sorted.size() / (double) seconds, millis(sorted, 0.50),
                millis(sorted, 0.99), millis(sorted, 1.0), errors.get());
    }

    private static void warmUp(RestClient http, String photo) {
        for (int i = 0; i < 5; i++) {
            trigger(http, photo, 2000 + i);
        }
    }

    private static Map<?, ?> trigger(RestClient http, String photo, int width) {
        try {
            return http.post().uri("/api/runs?wait=60").contentType(MediaType.APPLICATION_JSON).body("""
                    {"graph": {"nodes": [{"id": "load", "type": "LoadImage", "params": {"blob": "%s"}},
                                         {"id": "resize", "type": "Resize", "params": {"width": %d, "height": 64}},
                                         {"id": "encode", "type": "Encode", "params": {"format": "jpeg", "quality": 80}},
                                         {"id": "save", "type": "SaveToLibrary"}],
                               "edges": [{"from": "load.image", "to": "resize.image"},
                                         {"from": "resize.image", "to": "encode.image"},
                                         {"from": "encode.image", "to": "save.image"}]}}
                    """.formatted(photo, width)).retrieve().body(Map.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String upload(RestClient http) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(TestPhotos.jpeg(640, 480)) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        });
        return (String) http.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(Map.class).get("hash");
    }

    private static double millis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
