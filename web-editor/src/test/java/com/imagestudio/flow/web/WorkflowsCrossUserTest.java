package com.imagestudio.flow.web;

import com.imagestudio.flow.engine.users.ApiKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Another user gets 404 on every endpoint of saved workflows and their runs, and changes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowsCrossUserTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;

    RestClient alice;
    RestClient bob;
    String workflowId;
    String failedRunId;

    @BeforeAll
    void aliceHasAWorkflowAndAFailedRun() {
        alice = client(keys.create("alice-" + UUID.randomUUID(), "test").secret());
        bob = client(keys.create("bob-" + UUID.randomUUID(), "test").secret());
        workflowId = (String) alice.post().uri("/api/workflows").contentType(MediaType.APPLICATION_JSON)
                .body(WorkflowsApiTest.workflow("alice's", WorkflowsApiTest.flakyGraph(UUID.randomUUID().toString())))
                .retrieve().body(Map.class).get("id");
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("photo", new ByteArrayResource(TestPhotos.jpeg(40, 30)) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        });
        Map<?, ?> run = alice.post().uri("/api/workflows/" + workflowId + "/runs?wait=60")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(Map.class);
        assertThat(run.get("status")).as("alice's first run of a flaky node").isEqualTo("FAILED");
        failedRunId = (String) run.get("id");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ' ', value = {
            "GET /api/workflows/{workflow}",
            "GET /api/workflows/{workflow}/versions/1",
            "PUT /api/workflows/{workflow}",
            "DELETE /api/workflows/{workflow}",
            "POST /api/workflows/{workflow}/runs",
            "GET /api/runs/{run}",
            "POST /api/runs/{run}/retry",
            "POST /api/runs/{run}/cancel"})
    void anotherUserGetsNotFound(String method, String path) {
        String uri = path.replace("{workflow}", workflowId).replace("{run}", failedRunId);

        int status = bob.method(HttpMethod.valueOf(method)).uri(uri).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "bob's now", "inputs", Map.of()))
                .retrieve().toBodilessEntity().getStatusCode().value();

        assertThat(status).isEqualTo(404);
        assertThat(alice.get().uri("/api/workflows/" + workflowId).retrieve().body(Map.class))
                .containsEntry("name", "alice's").containsEntry("latestVersion", 1);
        assertThat((List<?>) bob.get().uri("/api/workflows").retrieve().body(Map.class).get("items")).isEmpty();
        assertThat(alice.get().uri("/api/runs/" + failedRunId).retrieve().body(Map.class)).containsEntry("status", "FAILED");
    }

    private RestClient client(String key) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + key)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }
}
