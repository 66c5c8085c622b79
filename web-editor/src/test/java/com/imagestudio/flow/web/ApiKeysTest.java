package com.imagestudio.flow.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.imagestudio.flow.engine.users.ApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys over HTTP: who a request is, and what another user can never reach. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiKeysTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;
    @Autowired
    JdbcClient jdbc;
    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    void aNewKeyIsShownOnceAndOnlyItsHashIsStored() {
        ResponseEntity<Map> created = http.post().uri("/api/keys").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "ci")).retrieve().toEntity(Map.class);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String secret = (String) created.getBody().get("secret");
        assertThat(secret).startsWith("isf_").hasSizeGreaterThan(40);
        List<Map> listed = http.get().uri("/api/keys").retrieve().body(List.class);
        assertThat(listed.toString()).doesNotContain(secret);
        assertThat(jdbc.sql("select count(*) from api_keys where key_hash = :s or key_prefix = :s or name = :s")
                .param("s", secret).query(Integer.class).single()).isZero();
    }

    @Test
    void aRequestWithAKeyActsAsItsOwnerAndAnotherUserGetsNotFound() {
        String alice = keys.create("alice-" + System.nanoTime(), "test").secret();
        String bob = keys.create("bob-" + System.nanoTime(), "test").secret();
        ResponseEntity<Map> aliceKey = http.post().uri("/api/keys").header("Authorization", "Bearer " + alice)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "second")).retrieve().toEntity(Map.class);
        String keyId = (String) ((Map<?, ?>) aliceKey.getBody().get("key")).get("id");

        ResponseEntity<Problem> bobRevokes = http.delete().uri("/api/keys/" + keyId).header("Authorization", "Bearer " + bob)
                .retrieve().toEntity(Problem.class);
        ResponseEntity<Problem> localRevokes = http.delete().uri("/api/keys/" + keyId).retrieve().toEntity(Problem.class);

        assertThat(bobRevokes.getStatusCode().value()).isEqualTo(404);
        assertThat(localRevokes.getStatusCode().value()).isEqualTo(404);
        List<Map> aliceKeys = http.get().uri("/api/keys").header("X-Api-Key", alice).retrieve().body(List.class);
        assertThat(aliceKeys).extracting(k -> k.get("id")).contains(keyId);
    }

    @Test
    void anUnknownKeyIsRefusedWithAProblem() {
        ResponseEntity<Problem> response = http.get().uri("/api/credits").header("Authorization", "Bearer isf_not-a-key")
                .retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().detail()).isEqualTo("the API key is unknown or revoked");
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        ApiKeys.CreatedKey key = keys.create("carol-" + System.nanoTime(), "test");
        assertThat(http.get().uri("/api/credits").header("X-Api-Key", key.secret()).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(200);

        http.delete().uri("/api/keys/" + key.key().id()).header("X-Api-Key", key.secret()).retrieve().toBodilessEntity();

        assertThat(http.get().uri("/api/credits").header("X-Api-Key", key.secret()).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(401);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String type, String title, Integer status, String detail) {
    }
}
