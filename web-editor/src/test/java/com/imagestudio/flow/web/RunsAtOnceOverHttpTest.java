package com.imagestudio.flow.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.imagestudio.flow.engine.credits.CreditLedger;
import com.imagestudio.flow.engine.credits.Plan;
import com.imagestudio.flow.engine.users.ApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's runs at once over HTTP, with many requests of one user arriving together. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunsAtOnceOverHttpTest {

    private static final int AT_ONCE = 30;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;
    @Autowired
    CreditLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path folder;

    RestClient http;
    String user;

    @BeforeEach
    void freeUserWithAKey() {
        user = "free-" + UUID.randomUUID();
        ledger.openAccount(user, Plan.FREE);
        String key = keys.create(user, "test").secret();
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + key)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    void thirtyRunsPostedTogetherOnTheFreePlanStartOneAndTheOthersAreTooManyRuns() throws Exception {
        Path gate = folder.resolve("gate");
        String run = heldRun(upload(TestPhotos.jpeg(64, 48)), gate);

        List<ResponseEntity<Problem>> responses = together(() -> http.post().uri("/api/runs")
                .contentType(MediaType.APPLICATION_JSON).body(run).retrieve().toEntity(Problem.class));

        try {
            assertThat(responses).filteredOn(r -> r.getStatusCode().value() == 201).hasSize(1);
            assertThat(responses).filteredOn(r -> r.getStatusCode().value() == 429).hasSize(AT_ONCE - 1)
                    .allSatisfy(r -> {
                        assertThat(r.getBody().type()).isEqualTo("https://image-studio-flow.dev/problems/too-many-runs");
                        assertThat(r.getBody().detail()).isEqualTo("1 run(s) in progress: the free plan allows 1 at a time;"
                                + " wait for one to end");
                    });
            assertThat(jdbc.sql("select count(*) from runs where owner_id = :owner and status in ('QUEUED', 'RUNNING')")
                    .param("owner", user).query(Integer.class).single()).isEqualTo(1);
        } finally {
            Files.createFile(gate);
            responses.stream().filter(r -> r.getStatusCode().value() == 201).forEach(started ->
                    http.get().uri(started.getHeaders().getLocation() + "?wait=60").retrieve().toBodilessEntity());
        }
    }

    /** A run of load -> a gate held closed until {@code gate} exists -> save. */
    private static String heldRun(String photo, Path gate) {
        return """
                {"graph": {
                   "nodes": [{"id": "load", "type": "LoadImage"},
                             {"id": "gate", "type": "GateForTests", "params": {"file": "%s"}},
                             {"id": "save", "type": "SaveToLibrary"}],
                   "edges": [{"from": "load.image", "to": "gate.image"}, {"from": "gate.image", "to": "save.image"}],
                   "inputs": [{"name": "photo", "node": "load", "param": "blob"}]},
                 "inputs": {"photo": "%s"}}
                """.formatted(gate.toString().replace("\\", "\\\\"), photo);
    }

    /** Sends the request from {@link #AT_ONCE} threads released together by one latch. */
    private static <T> List<T> together(Callable<T> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE);
        CountDownLatch ready = new CountDownLatch(AT_ONCE);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> calls = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                calls.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> responses = new ArrayList<>();
            for (Future<T> call : calls) {
                responses.add(call.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    private String upload(byte[] image) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(image) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        });
        return http.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(Blob.class).hash();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Blob(String hash) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String type, String detail) {
    }
}
