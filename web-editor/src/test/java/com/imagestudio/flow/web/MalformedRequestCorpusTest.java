package com.imagestudio.flow.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's mistake, whatever the endpoint, is a 4xx RFC 9457 problem with a type: never a 5xx,
 * never a body of another shape. (Complements {@link BadInputCorpusTest}, which covers bad images.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestCorpusTest {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String BROKEN = "{\"graph\": {\"nodes\": [{\"id\": ";
    private static final String DEEP = "{\"graph\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    private static final String NAN = "{\"graph\": {\"nodes\": [{\"id\": \"r\", \"type\": \"Resize\", \"params\": {\"width\": NaN}}]}}";
    private static final String HUGE = "{\"nodes\": [{\"id\": \"r\", \"type\": \"Resize\", \"params\": {\"width\": 1" + "0".repeat(2000) + "}}]}";
    private static final String NO_GRAPH = "{\"grpah\": {\"nodes\": []}, \"inputs\": {}}";

    @LocalServerPort
    int port;
    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                // runs
                bad("POST", "/api/runs", JSON, BROKEN),
                bad("POST", "/api/runs", JSON, ""),
                bad("POST", "/api/runs", "text/plain", "resize please"),
                bad("POST", "/api/runs", JSON, DEEP),
                bad("POST", "/api/runs", JSON, NAN),
                bad("POST", "/api/runs", JSON, NO_GRAPH),
                bad("POST", "/api/runs", JSON, "{\"graph\": \"a string\"}"),
                bad("POST", "/api/runs", JSON, "[1, 2, 3]"),
                bad("POST", "/api/runs?wait=abc", JSON, "{\"graph\": {\"nodes\": []}}"),
                bad("POST", "/api/runs", "multipart/form-data; boundary=b", "--b--\r\n"),
                bad("GET", "/api/runs/no-such-run", null, null),
                bad("GET", "/api/runs/no-such-run?wait=abc", null, null),
                bad("GET", "/api/runs/no-such-run/outputs/save", null, null),
                bad("POST", "/api/runs/no-such-run/retry", null, null),
                bad("DELETE", "/api/runs", null, null),
                // graphs
                bad("POST", "/api/graphs/validate", JSON, BROKEN),
                bad("POST", "/api/graphs/validate", JSON, HUGE),
                bad("POST", "/api/graphs/validate", JSON, "\"nodes\""),
                bad("POST", "/api/graphs/estimate?rows=abc", JSON, "{\"nodes\": []}"),
                bad("POST", "/api/graphs/estimate?rows=99999999999999999999", JSON, "{\"nodes\": []}"),
                bad("GET", "/api/graphs/validate", null, null),
                // workflows
                bad("POST", "/api/workflows", JSON, BROKEN),
                bad("POST", "/api/workflows", JSON, "[]"),
                bad("GET", "/api/workflows?page=abc", null, null),
                bad("GET", "/api/workflows/no-such-workflow", null, null),
                bad("GET", "/api/workflows/no-such-workflow/versions/abc", null, null),
                bad("PUT", "/api/workflows/no-such-workflow", JSON, "{"),
                bad("POST", "/api/workflows/no-such-workflow/runs", "text/plain", "go"),
                // batches
                bad("POST", "/api/batches", JSON, BROKEN),
                bad("POST", "/api/batches", "application/xml", "<batch/>"),
                bad("GET", "/api/batches?limit=abc", null, null),
                bad("GET", "/api/batches/no-such-batch", null, null),
                bad("GET", "/api/batches/no-such-batch/rows?status=NOT_A_STATUS", null, null),
                // schedules
                bad("POST", "/api/schedules", JSON, BROKEN),
                bad("GET", "/api/schedules/no-such-schedule", null, null),
                bad("GET", "/api/schedules/no-such-schedule?next=abc", null, null),
                bad("PATCH", "/api/schedules/no-such-schedule", JSON, "{\"paused\": "),
                // assets
                bad("GET", "/api/assets?from=yesterday", null, null),
                bad("GET", "/api/assets?type=NOT_A_TYPE", null, null),
                bad("GET", "/api/assets?limit=abc", null, null),
                bad("GET", "/api/assets/no-such-asset", null, null),
                bad("PATCH", "/api/assets/no-such-asset", JSON, "{\"favourite\": \"maybe\""),
                bad("POST", "/api/assets/bulk/delete", JSON, "{\"ids\": {\"not\": \"a list\"}}"),
                bad("POST", "/api/assets", JSON, "{}"),
                // collections
                bad("POST", "/api/collections", JSON, BROKEN),
                bad("GET", "/api/collections/no-such-collection", null, null),
                bad("POST", "/api/collections/no-such-collection/assets", JSON, "nope"),
                // shares
                bad("POST", "/api/shares", JSON, BROKEN),
                bad("DELETE", "/api/shares/no-such-share", null, null),
                bad("GET", "/api/shared/no-such-token", null, null),
                bad("GET", "/api/shared/no-such-token/assets/no-such-asset", null, null),
                // blobs
                bad("POST", "/api/blobs", JSON, "{}"),
                bad("POST", "/api/blobs", "multipart/form-data; boundary=b", "--b--\r\n"),
                bad("GET", "/api/blobs/no-such-blob", null, null),
                bad("PUT", "/api/blobs/no-such-blob", JSON, "{}"),
                // keys
                bad("POST", "/api/keys", JSON, BROKEN),
                bad("POST", "/api/keys", JSON, "{\"name\": [1, 2]}"),
                bad("DELETE", "/api/keys/no-such-key", null, null),
                // credits
                bad("GET", "/api/credits?from=not-a-date", null, null),
                bad("GET", "/api/credits?limit=abc", null, null),
                // webhooks
                bad("GET", "/api/webhooks/secret", null, null),
                // nodes
                bad("POST", "/api/nodes", JSON, "{}"),
                bad("GET", "/api/nodes/no/such/path", null, null),
                // no such endpoint
                bad("GET", "/api/no-such-endpoint", null, null),
                bad("POST", "/api/no-such-endpoint", JSON, "{}"));
    }

    private static Arguments bad(String method, String path, String contentType, String body) {
        return Arguments.of(method, path, contentType, body);
    }

    @ParameterizedTest(name = "{0} {1} [{2}]")
    @MethodSource("corpus")
    void aMalformedRequestIsA4xxProblemWithAType(String method, String path, String contentType, String body) {
        // given a malformed request; when it is sent
        RestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method))
                .uri(URI.create("http://localhost:" + port + path));
        if (contentType != null) {
            request.contentType(MediaType.parseMediaType(contentType)).body(body);
        }
        ResponseEntity<Map> response = request.retrieve().toEntity(Map.class);

        // then it is the client's mistake, told as a problem with a type
        assertThat(response.getStatusCode().is4xxClientError()).as("%s %s", response.getStatusCode(), response.getBody()).isTrue();
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat((String) response.getBody().get("type")).as("%s", response.getBody())
                .startsWith("https://image-studio-flow.dev/problems/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingGraph")
    void aRunWithoutAGraphIsABadRequestNamingIt(String body) {
        ResponseEntity<Map> response = http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat((String) response.getBody().get("type")).endsWith("/problems/bad-request");
        assertThat((String) response.getBody().get("detail")).contains("graph");
    }

    static Stream<String> missingGraph() {
        return Stream.of("{}", NO_GRAPH, "{\"graph\": null}");
    }
}
