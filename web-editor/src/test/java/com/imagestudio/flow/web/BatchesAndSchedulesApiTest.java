package com.imagestudio.flow.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.imagestudio.flow.engine.users.ApiKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Batches and schedules over HTTP, for two users with API keys. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchesAndSchedulesApiTest {

    /** A photo resized to ({@code width} x 32), kept as PNG: inputs {@code photo} and {@code width}. */
    static final String GRAPH = """
            {"nodes": [
               {"id": "load",   "type": "LoadImage"},
               {"id": "resize", "type": "Resize", "params": {"mode": "fill", "height": 32}},
               {"id": "encode", "type": "Encode", "params": {"format": "png"}},
               {"id": "save",   "type": "SaveToLibrary"}],
             "edges": [{"from": "load.image", "to": "resize.image"}, {"from": "resize.image", "to": "encode.image"},
                       {"from": "encode.image", "to": "save.image"}],
             "inputs": [{"name": "photo", "node": "load", "param": "blob"}, {"name": "width", "node": "resize", "param": "width"}]}
            """;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;
    RestClient http;
    String alice;
    String bob;
    String aliceBatch;
    String aliceSchedule;

    @BeforeAll
    void twoUsersAndAliceBatchAndSchedule() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        alice = keys.create("alice-" + System.nanoTime(), "test").secret();
        bob = keys.create("bob-" + System.nanoTime(), "test").secret();
        String photo = upload(alice, TestPhotos.jpeg(40, 40));
        aliceBatch = (String) post(alice, "/api/batches", Map.class,
                "{\"graph\": " + GRAPH + ", \"mapping\": {\"photo\": \"image\", \"width\": \"w\"}, \"csv\": \"image,w\\n" + photo + ",16\\n\"}")
                .getBody().get("id");
        aliceSchedule = (String) post(alice, "/api/schedules", Map.class, """
                {"name": "weekly", "cron": "0 9 * * 1", "zone": "Europe/Paris",
                 "run": {"graph": %s, "inputs": {"photo": "%s", "width": 20}}}""".formatted(GRAPH, photo))
                .getBody().get("id");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET,    /api/batches/{batch}",
            "GET,    /api/batches/{batch}/rows",
            "POST,   /api/batches/{batch}/retry-failed",
            "POST,   /api/batches/{batch}/cancel",
            "GET,    /api/batches/{batch}/results.csv",
            "GET,    /api/batches/{batch}/results.zip",
            "GET,    /api/schedules/{schedule}",
            "PATCH,  /api/schedules/{schedule}",
            "POST,   /api/schedules/{schedule}/pause",
            "POST,   /api/schedules/{schedule}/resume",
            "POST,   /api/schedules/{schedule}/trigger",
            "DELETE, /api/schedules/{schedule}"})
    void anotherUserGetsNotFoundFromEveryBatchAndScheduleEndpoint(String method, String path) {
        String uri = path.replace("{batch}", aliceBatch).replace("{schedule}", aliceSchedule);

        ResponseEntity<Problem> response = http.method(HttpMethod.valueOf(method)).uri(uri)
                .header("Authorization", "Bearer " + bob)
                .contentType(MediaType.APPLICATION_JSON).body("{\"cron\": \"0 10 * * *\"}")
                .retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().type()).endsWith("/not-found");
        assertThat(get(alice, uri.startsWith("/api/batches") ? "/api/batches/" + aliceBatch : "/api/schedules/" + aliceSchedule)
                .getStatusCode().value()).as("alice still has it").isEqualTo(200);
    }

    @Test
    void anotherUsersListsDoNotShowThem() {
        assertThat(http.get().uri("/api/batches").header("X-Api-Key", bob).retrieve().body(String.class)).doesNotContain(aliceBatch);
        assertThat(http.get().uri("/api/schedules").header("X-Api-Key", bob).retrieve().body(String.class)).doesNotContain(aliceSchedule);
        assertThat(http.get().uri("/api/batches").header("X-Api-Key", alice).retrieve().body(String.class)).contains(aliceBatch);
    }

    @Test
    void aCsvWithBadRowsIsRefusedWithAProblemListingEachBadLine() {
        String photo = upload(alice, TestPhotos.jpeg(20, 20));
        String csv = "image,w\\n" + photo + ",16\\n" + photo + ",0\\n\\\"\\\",16\\n";

        ResponseEntity<Map> response = post(alice, "/api/batches", Map.class,
                "{\"graph\": " + GRAPH + ", \"mapping\": {\"photo\": \"image\", \"width\": \"w\"}, \"csv\": \"" + csv + "\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) response.getBody().get("type")).endsWith("/invalid-batch");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) response.getBody().get("rows");
        assertThat(rows).extracting(r -> r.get("line")).containsExactly(3, 4);
        assertThat((String) rows.get(0).get("message")).contains("width").contains("got 0");
    }

    @Test
    void uploadedImagesNamedInTheCsvRunAndTheirResultsDownloadAsCsvAndZip() throws IOException, InterruptedException {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("batch", new HttpEntity<>("{\"graph\": " + GRAPH + ", \"mapping\": {\"photo\": \"file\", \"width\": \"w\"}}", json));
        parts.add("csv", named("file,w\nsea.jpg,24\nhill.jpg,12\n".getBytes(StandardCharsets.UTF_8), "rows.csv"));
        parts.add("images", named(TestPhotos.jpeg(60, 40), "sea.jpg"));
        parts.add("images", named(TestPhotos.jpeg(50, 50), "hill.jpg"));

        ResponseEntity<Map> created = http.post().uri("/api/batches").header("X-Api-Key", alice)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(Map.class);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = (String) created.getBody().get("id");
        assertThat(awaitBatch(id)).isEqualTo("SUCCEEDED");
        String csv = get(alice, "/api/batches/" + id + "/results.csv").getBody();
        assertThat(csv.lines().toList()).hasSize(3).first().isEqualTo("line,status,run_id,output_hashes,output_urls,error");
        assertThat(csv).contains("2,SUCCEEDED,run-").contains("3,SUCCEEDED,run-");
        ResponseEntity<byte[]> zip = http.get().uri("/api/batches/" + id + "/results.zip").header("X-Api-Key", alice)
                .retrieve().toEntity(byte[].class);
        assertThat(zip.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        assertThat(zipEntries(zip.getBody())).containsExactlyInAnyOrder("line-2-save-image.png", "line-3-save-image.png");
    }

    @Test
    void aScheduleListsItsNextFireTimesStopsListingThemWhilePausedAndFiresWhenTriggered() throws InterruptedException {
        String photo = upload(alice, TestPhotos.jpeg(30, 30));
        String id = (String) post(alice, "/api/schedules", Map.class, """
                {"name": "daily", "cron": "0 9 * * *", "zone": "Europe/Paris",
                 "run": {"graph": %s, "inputs": {"photo": "%s", "width": 8}}}""".formatted(GRAPH, photo)).getBody().get("id");

        Map<?, ?> shown = get(alice, "/api/schedules/" + id + "?next=3", Map.class).getBody();
        post(alice, "/api/schedules/" + id + "/pause", Map.class, "");
        Map<?, ?> paused = get(alice, "/api/schedules/" + id, Map.class).getBody();
        post(alice, "/api/schedules/" + id + "/trigger", Map.class, "");

        List<String> next = (List<String>) shown.get("nextFireTimes");
        assertThat(next).hasSize(3);
        assertThat(next).allSatisfy(t -> assertThat(Instant.parse(t).atZone(java.time.ZoneId.of("Europe/Paris")).getHour()).isEqualTo(9));
        assertThat(paused.get("paused")).isEqualTo(true);
        assertThat((List<?>) paused.get("nextFireTimes")).isEmpty();
        Map<?, ?> fire = awaitFire(id);
        assertThat(fire.get("manual")).isEqualTo(true);
        assertThat((String) fire.get("startedId")).startsWith("run-");
    }

    @Test
    void anInvalidCronIsABadRequestProblem() {
        ResponseEntity<Problem> response = http.post().uri("/api/schedules").header("X-Api-Key", alice)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"x\", \"cron\": \"0 0 9 * * *\", \"zone\": \"UTC\", \"run\": {\"graph\": " + GRAPH + "}}")
                .retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().detail()).startsWith("cron needs 5 fields");
    }

    private String awaitBatch(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String status = "";
        while (Instant.now().isBefore(deadline)) {
            status = (String) get(alice, "/api/batches/" + id, Map.class).getBody().get("status");
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status)) {
                break;
            }
            Thread.sleep(100);
        }
        return status;
    }

    private Map<?, ?> awaitFire(String scheduleId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<Map<?, ?>> fires = (List<Map<?, ?>>) get(alice, "/api/schedules/" + scheduleId, Map.class).getBody().get("recentFires");
            if (!fires.isEmpty() && fires.get(0).get("startedId") != null) {
                return fires.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the schedule did not fire");
    }

    private String upload(String key, byte[] jpeg) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", named(jpeg, "photo.jpg"));
        return (String) http.post().uri("/api/blobs").header("X-Api-Key", key).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(Map.class).get("hash");
    }

    private <T> ResponseEntity<T> post(String key, String uri, Class<T> type, String json) {
        return http.post().uri(uri).header("X-Api-Key", key).contentType(MediaType.APPLICATION_JSON).body(json)
                .retrieve().toEntity(type);
    }

    private ResponseEntity<String> get(String key, String uri) {
        return get(key, uri, String.class);
    }

    private <T> ResponseEntity<T> get(String key, String uri, Class<T> type) {
        return http.get().uri(uri).header("X-Api-Key", key).retrieve().toEntity(type);
    }

    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** Bytes as a multipart file part with a file name. */
    static ByteArrayResource named(byte[] bytes, String filename) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        };
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String type, String title, int status, String detail) {
    }
}
