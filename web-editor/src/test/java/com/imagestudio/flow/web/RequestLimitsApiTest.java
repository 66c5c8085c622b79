package com.imagestudio.flow.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests too big for the studio (or for Temporal) are refused before anything is recorded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestLimitsApiTest {

    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;
    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    void aJsonBodyOverTwoMegabytesIsRefusedWith413NamingTheLimit() {
        ResponseEntity<String> refused = startRun("x".repeat(2 * 1024 * 1024 + 1));

        assertThat(refused.getStatusCode().value()).isEqualTo(413);
        JsonNode problem = JSON.readTree(refused.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("https://image-studio-flow.dev/problems/payload-too-large");
        assertThat(problem.get("limit").asLong()).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void aParameterOverTheTextLimitIsRefusedWith400OnItsNodeNamingTheLimit() {
        ResponseEntity<String> refused = startRun("x".repeat(1024 * 1024));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.getBody());
        assertThat(problem.get("type").asText()).isEqualTo("https://image-studio-flow.dev/problems/invalid-graph");
        assertThat(problem.at("/problems/0/code").asText()).isEqualTo("TOO_LARGE");
        assertThat(problem.at("/problems/0/nodeId").asText()).isEqualTo("save");
        assertThat(problem.at("/problems/0/message").asText()).contains("20000");
    }

    private ResponseEntity<String> startRun(String name) {
        String body = JSON.writeValueAsString(JSON.readTree("""
                {"graph": {
                   "nodes": [
                     {"id": "load", "type": "LoadImage"},
                     {"id": "save", "type": "SaveToLibrary", "params": {"name": "?"}}
                   ],
                   "edges": [{"from": "load.image", "to": "save.image"}],
                   "inputs": [{"name": "photo", "node": "load", "param": "blob"}]
                 },
                 "inputs": {"photo": "0000000000000000000000000000000000000000000000000000000000000000"}}
                """.replace("\"?\"", JSON.writeValueAsString(name))));
        return http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
    }
}
