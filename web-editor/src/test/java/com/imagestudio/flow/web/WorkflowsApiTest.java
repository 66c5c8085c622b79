package com.imagestudio.flow.web;

import com.imagestudio.flow.engine.users.ApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Saved workflows, API triggers, idempotency keys and retries over real HTTP, as one API user. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkflowsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;
    RestClient http;

    @BeforeEach
    void apiUser() {
        String key = keys.create("user-" + UUID.randomUUID(), "test").secret();
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + key)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    void aWorkflowIsCreatedReadChangedIntoANewVersionListedAndDeleted() {
        ResponseEntity<Map> created = post("/api/workflows", workflow("square", squareGraph(1080)));
        String id = (String) created.getBody().get("id");

        ResponseEntity<Map> changed = http.put().uri("/api/workflows/" + id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "square, smaller", "graph", squareGraph(640))).retrieve().toEntity(Map.class);
        Map<String, Object> first = get("/api/workflows/" + id + "/versions/1").getBody();
        Map<String, Object> listed = get("/api/workflows?page=0&size=5").getBody();
        int deleted = http.delete().uri("/api/workflows/" + id).retrieve().toBodilessEntity().getStatusCode().value();

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/workflows/" + id);
        assertThat(created.getBody()).containsEntry("version", 1);
        assertThat((List<Map<String, Object>>) created.getBody().get("inputs"))
                .extracting(i -> i.get("name"), i -> i.get("nodeType"), i -> i.get("type"))
                .containsExactly(tuple("photo", "LoadImage", "STRING"), tuple("format", "Encode", "ENUM"));
        assertThat(changed.getBody()).containsEntry("version", 2).containsEntry("name", "square, smaller");
        assertThat(first).containsEntry("version", 1).containsEntry("latestVersion", 2);
        assertThat((List<Map<String, Object>>) listed.get("items")).extracting(i -> i.get("id")).containsExactly(id);
        assertThat(deleted).isEqualTo(204);
        assertThat(get("/api/workflows/" + id).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theEditorsNodePositionsComeBackWithTheWorkflowAndAMoveAloneAddsNoVersion() {
        Map<String, Object> drawn = Map.of("name", "drawn", "graph", squareGraph(64),
                "positions", Map.of("load", Map.of("x", 0, "y", 0), "save", Map.of("x", 960, "y", 0)));
        String id = (String) post("/api/workflows", drawn).getBody().get("id");

        ResponseEntity<Map> moved = http.put().uri("/api/workflows/" + id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("positions", Map.of("load", Map.of("x", 40, "y", 80.5)))).retrieve().toEntity(Map.class);
        ResponseEntity<Map> ghost = http.put().uri("/api/workflows/" + id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("positions", Map.of("ghost", Map.of("x", 1, "y", 1)))).retrieve().toEntity(Map.class);

        assertThat(moved.getBody()).containsEntry("version", 1)
                .containsEntry("positions", Map.of("load", Map.of("x", 40.0, "y", 80.5)));
        assertThat(ghost.getStatusCode().value()).isEqualTo(400);
        assertThat(ghost.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) ghost.getBody().get("detail")).isEqualTo("positions name nodes the graph does not have: ghost");
        assertThat(get("/api/workflows/" + id).getBody().get("positions")).isEqualTo(Map.of("load", Map.of("x", 40.0, "y", 80.5)));
    }

    @Test
    void aWorkflowWhoseGraphHasProblemsIsRefusedWithEveryProblem() {
        Map<String, Object> graph = Map.of("nodes", List.of(Map.of("id", "r", "type", "Resize", "params", Map.of("width", 0))));

        ResponseEntity<Map> refused = post("/api/workflows", workflow("broken", graph));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) refused.getBody().get("type")).endsWith("/problems/invalid-graph");
        assertThat((List<Map<String, Object>>) refused.getBody().get("problems")).extracting(p -> p.get("code"))
                .contains("INVALID_PARAMETER", "MISSING_INPUT", "NO_OUTPUT_NODE");
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameRunWith200AndADifferentBodyWith422() {
        String id = (String) post("/api/workflows", workflow("square", squareGraph(64))).getBody().get("id");
        String photo = upload(TestPhotos.jpeg(120, 90));

        ResponseEntity<Map> first = trigger(id, Map.of("inputs", Map.of("photo", photo)), "order-1", 60);
        ResponseEntity<Map> again = trigger(id, Map.of("inputs", Map.of("photo", photo)), "order-1", 0);
        ResponseEntity<Map> different = trigger(id, Map.of("inputs", Map.of("photo", photo, "format", "png")), "order-1", 0);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getBody()).containsEntry("status", "SUCCEEDED").containsEntry("workflowId", id)
                .containsEntry("workflowVersion", 1);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("id")).isEqualTo(first.getBody().get("id"));
        assertThat(again.getHeaders().getLocation()).hasPath("/api/runs/" + first.getBody().get("id"));
        assertThat(different.getStatusCode().value()).isEqualTo(422);
        assertThat((String) different.getBody().get("type")).endsWith("/problems/idempotency-key-reused");
    }

    @Test
    void aWorkflowRunsWithItsImageInputSentAsAFilePart() {
        String id = (String) post("/api/workflows", workflow("square", squareGraph(50))).getBody().get("id");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("photo", named(TestPhotos.jpeg(200, 100), "photo.jpg"));
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("run", new HttpEntity<>("{\"inputs\": {\"format\": \"png\"}, \"version\": 1}", json));

        ResponseEntity<Map> run = http.post().uri("/api/workflows/" + id + "/runs?wait=60")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(Map.class);

        assertThat(run.getStatusCode().value()).isEqualTo(201);
        assertThat(run.getBody()).containsEntry("status", "SUCCEEDED");
        Map<?, ?> blob = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) run.getBody().get("outputs")).get("save"))
                .get("image")).get("blob");
        assertThat(blob.get("mediaType")).isEqualTo("image/png");
        assertThat(blob.get("width")).isEqualTo(50);
    }

    @Test
    void aRetriedRunTakesTheNodesThatSucceededFromTheCacheAndRunsOnlyTheFailedOneAgain() {
        String tag = UUID.randomUUID().toString();
        String id = (String) post("/api/workflows", workflow("flaky", flakyGraph(tag))).getBody().get("id");
        String photo = upload(TestPhotos.jpeg(64, 48));
        Map<?, ?> failed = trigger(id, Map.of("inputs", Map.of("photo", photo)), null, 60).getBody();

        ResponseEntity<Map> retried = post("/api/runs/" + failed.get("id") + "/retry?wait=60", null);

        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(retried.getStatusCode().value()).isEqualTo(201);
        assertThat(retried.getBody().get("id")).isNotEqualTo(failed.get("id"));
        assertThat(retried.getBody()).containsEntry("status", "SUCCEEDED").containsEntry("retryOf", failed.get("id"))
                .containsEntry("workflowId", id).containsEntry("workflowVersion", 1);
        assertThat((List<Map<String, Object>>) retried.getBody().get("nodes"))
                .extracting(n -> n.get("id"), n -> n.get("status"), n -> n.get("cached")).containsExactly(
                        tuple("load", "SUCCEEDED", true),
                        tuple("resize", "SUCCEEDED", true),
                        tuple("flaky", "SUCCEEDED", false),
                        tuple("save", "SUCCEEDED", false));
        assertThat(FlakyForTests.EXECUTIONS.get(tag)).hasValue(2);
    }

    @Test
    void aRunThatSucceededCannotBeRetried() {
        String id = (String) post("/api/workflows", workflow("square", squareGraph(32))).getBody().get("id");
        Map<?, ?> run = trigger(id, Map.of("inputs", Map.of("photo", upload(TestPhotos.jpeg(64, 48)))), null, 60).getBody();

        ResponseEntity<Map> refused = post("/api/runs/" + run.get("id") + "/retry", null);

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat((String) refused.getBody().get("type")).endsWith("/problems/run-not-retryable");
    }

    @Test
    void aWebhookSecretIsShownOnceAndAWebhookUrlNeedsOne() {
        Map<String, Object> hooked = Map.of("name", "hooked", "graph", squareGraph(32), "webhookUrl", "http://localhost:9/hook");

        ResponseEntity<Map> withoutSecret = post("/api/workflows", hooked);
        ResponseEntity<Map> secret = post("/api/webhooks/secret", null);
        ResponseEntity<Map> withSecret = post("/api/workflows", hooked);

        assertThat(withoutSecret.getStatusCode().value()).isEqualTo(400);
        assertThat((String) withoutSecret.getBody().get("detail")).contains("POST /api/webhooks/secret");
        assertThat(secret.getStatusCode().value()).isEqualTo(201);
        assertThat((String) secret.getBody().get("secret")).startsWith("whsec_");
        assertThat(withSecret.getStatusCode().value()).isEqualTo(201);
        assertThat(withSecret.getBody()).containsEntry("webhookUrl", "http://localhost:9/hook");
        assertThat(withSecret.getBody().toString()).doesNotContain((String) secret.getBody().get("secret"));
    }

    private ResponseEntity<Map> trigger(String workflowId, Map<String, Object> body, String idempotencyKey, int wait) {
        RestClient.RequestBodySpec request = http.post().uri("/api/workflows/" + workflowId + "/runs?wait=" + wait)
                .contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body).retrieve().toEntity(Map.class);
    }

    private ResponseEntity<Map> post(String uri, Object body) {
        RestClient.RequestBodySpec request = http.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        return (body == null ? request : request.body(body)).retrieve().toEntity(Map.class);
    }

    private ResponseEntity<Map> get(String uri) {
        return http.get().uri(uri).retrieve().toEntity(Map.class);
    }

    private String upload(byte[] image) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", named(image, "photo.jpg"));
        return (String) http.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(Map.class).get("hash");
    }

    private static ByteArrayResource named(byte[] bytes, String filename) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        };
    }

    static Map<String, Object> workflow(String name, Map<String, Object> graph) {
        return Map.of("name", name, "graph", graph);
    }

    /** load -> resize to a square -> encode -> save; photo and format are inputs. */
    static Map<String, Object> squareGraph(int side) {
        return Map.of(
                "nodes", List.of(
                        Map.of("id", "load", "type", "LoadImage"),
                        Map.of("id", "resize", "type", "Resize", "params", Map.of("width", side, "height", side)),
                        Map.of("id", "encode", "type", "Encode", "params", Map.of("format", "jpeg")),
                        Map.of("id", "save", "type", "SaveToLibrary")),
                "edges", List.of(
                        Map.of("from", "load.image", "to", "resize.image"),
                        Map.of("from", "resize.image", "to", "encode.image"),
                        Map.of("from", "encode.image", "to", "save.image")),
                "inputs", List.of(
                        Map.of("name", "photo", "node", "load", "param", "blob"),
                        Map.of("name", "format", "node", "encode", "param", "format")));
    }

    /** load -> resize -> flaky (fails its first run for the tag) -> save. */
    static Map<String, Object> flakyGraph(String tag) {
        return Map.of(
                "nodes", List.of(
                        Map.of("id", "load", "type", "LoadImage"),
                        Map.of("id", "resize", "type", "Resize", "params", Map.of("width", 16, "height", 16)),
                        Map.of("id", "flaky", "type", "FlakyForTests", "params", Map.of("tag", tag)),
                        Map.of("id", "save", "type", "SaveToLibrary")),
                "edges", List.of(
                        Map.of("from", "load.image", "to", "resize.image"),
                        Map.of("from", "resize.image", "to", "flaky.image"),
                        Map.of("from", "flaky.image", "to", "save.image")),
                "inputs", List.of(Map.of("name", "photo", "node", "load", "param", "blob")));
    }
}
