package com.imagestudio.flow.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets (API keys, the webhook signing secret, keys that are refused) never reach the logs,
 * even with the studio's and Spring MVC's debug logging on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest {

    /** Debug logging is switched on around the test rather than by properties, to share the tests' application context. */
    private static final List<String> DEBUG_LOGGERS = List.of("com.imagestudio", "org.springframework.web");

    @LocalServerPort
    int port;
    @Autowired
    LoggingSystem logging;
    RestClient http;

    @BeforeEach
    void clientAndDebugLogging() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        DEBUG_LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
    }

    @AfterEach
    void usualLogging() {
        DEBUG_LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
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
