package com.imagestudio.flow.web;

import com.imagestudio.flow.ImageStudioApplication;
import com.imagestudio.flow.engine.config.TemporalConfiguration.WorkerLifecycle;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shape without Docker: a Temporal server in its own JVM process, a studio with
 * {@code studio.role=web} in this JVM, and a studio with {@code studio.role=worker} as a separate
 * OS process, all sharing one PostgreSQL and one blob folder. A run started over HTTP on the web
 * process waits on the task queue until the worker process polls it, then the worker runs it.
 */
class SeparateWorkerProcessTest {

    private static final String RESIZE_ENCODE = """
            {"graph": {
               "nodes": [
                 {"id": "load",   "type": "LoadImage"},
                 {"id": "resize", "type": "Resize", "params": {"width": 320, "height": 320, "mode": "fill"}},
                 {"id": "encode", "type": "Encode", "params": {"format": "jpeg", "quality": 82}},
                 {"id": "save",   "type": "SaveToLibrary", "params": {"name": "square"}}
               ],
               "edges": [
                 {"from": "load.image",   "to": "resize.image"},
                 {"from": "resize.image", "to": "encode.image"},
                 {"from": "encode.image", "to": "save.image"}
               ],
               "inputs": [{"name": "photo", "node": "load", "param": "blob"}]
             },
             "inputs": {"photo": "%s"}}
            """;

    @TempDir
    static Path shared;

    private static EmbeddedPostgres postgres;
    private static final List<Process> processes = new ArrayList<>();
    private static int temporalPort;
    private static ConfigurableApplicationContext web;
    private static RestClient http;

    @BeforeAll
    static void startTheDeployment() throws Exception {
        Instant begin = Instant.now();
        temporalPort = freePort();
        processes.add(java(shared.resolve("temporal.log"), "io.temporal.testserver.TestServer", String.valueOf(temporalPort)));
        postgres = EmbeddedPostgres.builder().start();
        awaitListening(temporalPort, Duration.ofSeconds(30));

        web = new SpringApplicationBuilder(ImageStudioApplication.class)
                .run(studioArguments("web", 0).toArray(String[]::new));
        awaitTemporalAnswers(web.getBean(WorkflowServiceStubs.class));
        int webPort = ((WebServerApplicationContext) web).getWebServer().getPort();
        http = RestClient.builder().baseUrl("http://localhost:" + webPort)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        System.out.printf("two-process test: PostgreSQL, Temporal server process and web context up in %d ms%n",
                Duration.between(begin, Instant.now()).toMillis());
    }

    @AfterAll
    static void stopTheDeployment() throws Exception {
        if (web != null) {
            web.close();
        }
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRunStartedOnTheWebProcessWaitsForAWorkerAndIsRunByTheWorkerProcess() throws Exception {
        assertThat(web.getBeansOfType(WorkerLifecycle.class)).as("a web process does not poll").isEmpty();
        String photo = upload(TestPhotos.jpeg(800, 600));

        StudioApiTest.Run accepted = http.post().uri("/api/runs?wait=3").contentType(MediaType.APPLICATION_JSON)
                .body(RESIZE_ENCODE.formatted(photo)).retrieve().body(StudioApiTest.Run.class);

        assertThat(accepted.status()).as("nothing runs it yet").isEqualTo("QUEUED");
        assertThat(accepted.nodes()).extracting(StudioApiTest.Node::status).containsOnly("PENDING");

        int workerHttpPort = freePort();
        Path workerLog = shared.resolve("worker.log");
        Instant workerStarted = Instant.now();
        Process worker = java(workerLog, ImageStudioApplication.class.getName(),
                studioArguments("worker", workerHttpPort).toArray(String[]::new));
        processes.add(worker);

        StudioApiTest.Run finished = http.get().uri("/api/runs/" + accepted.id() + "?wait=90")
                .retrieve().body(StudioApiTest.Run.class);

        System.out.printf("two-process test: run finished %d ms after the worker was started%n",
                Duration.between(workerStarted, Instant.now()).toMillis());
        assertThat(finished.status()).as(() -> "run status; worker log:\n" + tail(workerLog)).isEqualTo("SUCCEEDED");
        assertThat(finished.nodes()).extracting(StudioApiTest.Node::status).containsOnly("SUCCEEDED");
        String hash = finished.outputs().get("save").get("image").blob().hash();
        byte[] jpeg = http.get().uri("/api/blobs/" + hash).retrieve().body(byte[].class);
        BufferedImage result = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(result.getWidth()).isEqualTo(320);
        assertThat(result.getHeight()).isEqualTo(320);

        assertThat(worker.isAlive()).isTrue();
        assertThat(Files.readString(workerLog)).contains("Temporal worker polling task queue image-studio");
        assertThat(isListening(workerHttpPort)).as("a worker process serves no HTTP, not even on server.port").isFalse();
    }

    /** The studio's command line for one role, on the shared PostgreSQL, Temporal server and blob folder. */
    private static List<String> studioArguments(String role, int httpPort) {
        return List.of(
                "--studio.role=" + role,
                "--server.port=" + httpPort,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--studio.temporal.target=127.0.0.1:" + temporalPort,
                "--studio.blobs.path=" + shared.resolve("blobs"));
    }

    /** A JVM on this test's class path running {@code mainClass}, its output in {@code log}. */
    private static Process java(Path log, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // short-lived JVMs: quick start over peak speed
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", testClassPath(), mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Surefire may run tests from a manifest-only jar; it keeps the real class path in this property. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static String upload(byte[] image) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(image) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        });
        return http.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(StudioApiTest.Blob.class).hash();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static void awaitListening(int port, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!isListening(port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("nothing listens on port " + port + " after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /**
     * A JVM just started answers its first calls slowly, slower than the client's deadline on a
     * busy machine: ask the Temporal process about itself and its namespace, with time to spare.
     */
    private static void awaitTemporalAnswers(WorkflowServiceStubs temporal) {
        temporal.blockingStub().withDeadlineAfter(60, TimeUnit.SECONDS)
                .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        temporal.blockingStub().withDeadlineAfter(60, TimeUnit.SECONDS)
                .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
