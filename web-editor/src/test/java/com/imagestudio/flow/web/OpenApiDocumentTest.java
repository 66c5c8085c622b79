package com.imagestudio.flow.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes the REST API as the server serves it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void theDocumentListsTheApiEndpointsWithTheirMethodsAndNothingOutsideTheApi() {
        Document document = http.get().uri("/v3/api-docs").retrieve().body(Document.class);

        assertThat(document.openapi()).startsWith("3.");
        assertThat(document.info()).containsEntry("title", "Image Studio Flow API");
        assertThat(document.paths()).containsKeys("/api/runs", "/api/runs/{id}", "/api/graphs/validate",
                "/api/workflows/{id}/runs", "/api/batches", "/api/schedules", "/api/assets");
        assertThat(document.paths().get("/api/workflows/{id}/runs")).containsKey("post");
        assertThat(document.paths().keySet()).allSatisfy(path -> assertThat(path).startsWith("/api/"));
    }

    @Test
    void theDocumentSaysHowToAuthenticate() {
        Document document = http.get().uri("/v3/api-docs").retrieve().body(Document.class);

        Map<String, Object> schemes = (Map<String, Object>) document.components().get("securitySchemes");
        assertThat((Map<String, Object>) schemes.get("apiKey")).containsEntry("type", "http").containsEntry("scheme", "bearer");
    }

    @Test
    void theBrowsableUiIsServed() {
        String page = http.get().uri("/swagger-ui/index.html").accept(MediaType.TEXT_HTML).retrieve().body(String.class);

        assertThat(page).contains("Swagger UI");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(String openapi, Map<String, Object> info, Map<String, Map<String, Object>> paths,
                    Map<String, Object> components) {
    }
}
