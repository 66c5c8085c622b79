package com.imagestudio.flow.web;

import com.imagestudio.flow.ImageStudioApplication;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

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

/**
 * The production shape without Docker, for tests: a Temporal server in its own JVM process, one
 * embedded PostgreSQL and one blob folder, a studio with {@code studio.role=web} in the test JVM,
 * and studios with {@code studio.role=worker} started on demand as separate OS processes.
 * <p>
 * Register it with {@code @RegisterExtension static}. Starting the shared part takes long, so it
 * starts once per test JVM and serves every class that registers the extension; the workers a
 * class starts are killed after that class, so the next one begins with no worker polling.
 */
final class SeparateProcessDeployment implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SeparateProcessDeployment.class);

    private final List<Worker> workers = new ArrayList<>();
    private Shared shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Shared.class, type -> Shared.start(), Shared.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        workers.forEach(Worker::kill);
        workers.clear();
    }

    /** The web process's API; error statuses come back as responses, not exceptions. */
    RestClient http() {
        return shared.http;
    }

    /** The web process's API on behalf of the user of an API key. */
    RestClient http(String apiKey) {
        return shared.http.mutate().defaultHeader("X-Api-Key", apiKey).build();
    }

    /** The web process's Spring context, for its beans (the database, API keys). */
    ConfigurableApplicationContext web() {
        return shared.web;
    }

    /** Starts a worker process; it polls the task queue once its Spring context is up. */
    Worker startWorker(String name) {
        try {
            int httpPort = freePort();
            Path log = shared.folder.resolve(name + ".log");
            List<String> arguments = new ArrayList<>(shared.studioArguments("worker", httpPort));
            // a real Temporal server hands a workflow task on to any worker when the one that ran the
            // workflow last (its sticky queue) is gone; the Java test server never does, so a killed
            // worker would hold its workflows for good: these workers run without stickiness
            arguments.add("--studio.temporal.sticky-schedule-to-start-timeout=0");
            Process process = java(log, ImageStudioApplication.class.getName(), arguments.toArray(String[]::new));
            Worker worker = new Worker(process, log, httpPort);
            workers.add(worker);
            return worker;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a worker process", e);
        }
    }

    /** Uploads an image through {@code POST /api/blobs} and returns its hash. */
    static String upload(RestClient http, byte[] image) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(image) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        });
        return http.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(StudioApiTest.Blob.class).hash();
    }

    /** A studio with {@code studio.role=worker} running as a separate OS process. */
    record Worker(Process process, Path log, int httpPort) {

        /** SIGKILL on Linux ({@link Process#destroyForcibly()}): no shutdown hook runs, no poll is let go. */
        void kill() {
            try {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The last lines of the worker's output, for assertion messages. */
        String tail() {
            return SeparateProcessDeployment.tail(log);
        }
    }

    /** What every class shares: the Temporal server process, PostgreSQL, the web context and the folder. */
    private static final class Shared implements AutoCloseable {

        private final Path folder;
        private final Process temporal;
        private final int temporalPort;
        private final EmbeddedPostgres postgres;
        private final ConfigurableApplicationContext web;
        private final RestClient http;

        private Shared(Path folder, Process temporal, int temporalPort, EmbeddedPostgres postgres,
                       ConfigurableApplicationContext web) {
            this.folder = folder;
            this.temporal = temporal;
            this.temporalPort = temporalPort;
            this.postgres = postgres;
            this.web = web;
            int webPort = ((WebServerApplicationContext) web).getWebServer().getPort();
            this.http = RestClient.builder().baseUrl("http://localhost:" + webPort)
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                    .build();
        }

        static Shared start() {
            Instant begin = Instant.now();
            Process temporal = null;
            EmbeddedPostgres postgres = null;
            try {
                Path folder = Files.createTempDirectory("studio-processes");
                int temporalPort = freePort();
                temporal = java(folder.resolve("temporal.log"), "io.temporal.testserver.TestServer", String.valueOf(temporalPort));
                postgres = EmbeddedPostgres.builder().start();
                awaitListening(temporalPort, Duration.ofSeconds(30));
                List<String> webArguments = studioArguments(folder, postgres, temporalPort, "web", 0);
                ConfigurableApplicationContext web = new SpringApplicationBuilder(ImageStudioApplication.class)
                        .run(webArguments.toArray(String[]::new));
                awaitTemporalAnswers(web.getBean(WorkflowServiceStubs.class));
                System.out.printf("separate processes: PostgreSQL, Temporal server process and web context up in %d ms%n",
                        Duration.between(begin, Instant.now()).toMillis());
                return new Shared(folder, temporal, temporalPort, postgres, web);
            } catch (IOException | InterruptedException | RuntimeException e) {
                if (temporal != null) {
                    temporal.destroyForcibly();
                }
                closeQuietly(postgres);
                throw new IllegalStateException("cannot start the separate-process deployment", e);
            }
        }

        List<String> studioArguments(String role, int httpPort) {
            return studioArguments(folder, postgres, temporalPort, role, httpPort);
        }

        /** The studio's command line for one role, on the shared PostgreSQL, Temporal server and blob folder. */
        private static List<String> studioArguments(Path folder, EmbeddedPostgres postgres, int temporalPort, String role,
                                                    int httpPort) {
            return List.of(
                    "--studio.role=" + role,
                    "--server.port=" + httpPort,
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--studio.temporal.target=127.0.0.1:" + temporalPort,
                    "--studio.blobs.path=" + folder.resolve("blobs"));
        }

        @Override
        public void close() throws Exception {
            web.close();
            temporal.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            postgres.close();
            FileSystemUtils.deleteRecursively(folder);
        }

        private static void closeQuietly(EmbeddedPostgres postgres) {
            try {
                if (postgres != null) {
                    postgres.close();
                }
            } catch (IOException e) {
                // already failing: the first error is the one to report
            }
        }
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static boolean isListening(int port) {
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
