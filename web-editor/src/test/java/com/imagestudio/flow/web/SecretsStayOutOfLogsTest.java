package com.imagestudio.flow.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets (API keys, the webhook signing secret, keys that are refused) never reach the logs,
 * even with the studio's and Spring MVC's debug logging on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.com.imagestudio=DEBUG", "logging.level.org.springframework.web=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest {

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
    void keysAndSecretsUsedAndRefusedLeaveNoTraceInTheLogs(CapturedOutput logs) {
        String apiKey = (String) http.post().uri("/api/keys").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "ci")).retrieve().body(Map.class).get("secret");
        String webhookSecret = (String) http.post().uri("/api/webhooks/secret").retrieve().body(Map.class).get("secret");
        String refusedKey = "isf_" + "x".repeat(43);

        int accepted = http.get().uri("/api/credits").header("Authorization", "Bearer " + apiKey)
                .retrieve().toBodilessEntity().getStatusCode().value();
        int refused = http.get().uri("/api/credits").header("X-Api-Key", refusedKey)
                .retrieve().toBodilessEntity().getStatusCode().value();
        http.delete().uri("/api/keys/{id}", "no-such-key").header("Authorization", "Bearer " + apiKey)
                .retrieve().toBodilessEntity();

        assertThat(accepted).isEqualTo(200);
        assertThat(refused).isEqualTo(401);
        assertThat(apiKey).isNotBlank();
        assertThat(webhookSecret).isNotBlank();
        assertThat(logs.getAll()).as("the debug logs of these requests were captured").contains("/api/credits")
                .doesNotContain(apiKey).doesNotContain(webhookSecret).doesNotContain(refusedKey);
    }
}
