package com.imagestudio.flow.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.imagestudio.flow.engine.users.ApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A blob is read and used only by the users who uploaded it or whose runs made it; a share still shows it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlobsCrossUserTest {

    private static final String RESIZE_ENCODE = """
            {"nodes": [
               {"id": "load",   "type": "LoadImage"},
               {"id": "resize", "type": "Resize", "params": {"width": 64, "height": 64, "mode": "fill"}},
               {"id": "encode", "type": "Encode", "params": {"format": "png"}},
               {"id": "save",   "type": "SaveToLibrary", "params": {"name": "square"}}
             ],
             "edges": [
               {"from": "load.image",   "to": "resize.image"},
               {"from": "resize.image", "to": "encode.image"},
               {"from": "encode.image", "to": "save.image"}
             ],
             "inputs": [{"name": "photo", "node": "load", "param": "blob"}]}
            """;

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;
    @Autowired
    JdbcClient jdbc;

    String aliceId;
    String bobId;
    RestClient alice;
    RestClient bob;
    RestClient anonymous;

    @BeforeEach
    void twoUsers() {
        aliceId = "alice-" + UUID.randomUUID();
        bobId = "bob-" + UUID.randomUUID();
        alice = client(keys.create(aliceId, "test").secret());
        bob = client(keys.create(bobId, "test").secret());
        anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    @Test
    void anotherUsersUploadAnswersNotFoundAsAnUnknownHashDoes() {
        String hash = uploadBlob(alice, TestPhotos.jpeg(80, 60));

        ResponseEntity<Problem> theirs = bob.get().uri("/api/blobs/" + hash).retrieve().toEntity(Problem.class);
        ResponseEntity<Problem> unknown = bob.get().uri("/api/blobs/" + "0".repeat(64)).retrieve().toEntity(Problem.class);

        assertThat(theirs.getStatusCode().value()).isEqualTo(404);
        assertThat(theirs.getBody().type()).isEqualTo(unknown.getBody().type());
        assertThat(alice.get().uri("/api/blobs/" + hash).retrieve().toEntity(byte[].class).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void anotherUsersRunOutputAnswersNotFoundWhileItsOwnerReadsIt() {
        Run run = run(alice, uploadBlob(alice, TestPhotos.jpeg(90, 70)));
        String output = run.outputs().get("save").get("image").blob().hash();

        assertThat(bob.get().uri("/api/blobs/" + output).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(404);
        assertThat(alice.get().uri("/api/blobs/" + output).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void aRunNamingAnotherUsersHashIsRefusedAndRecordsNothing() {
        String hash = uploadBlob(alice, TestPhotos.jpeg(100, 50));

        ResponseEntity<Problem> refused = bob.post().uri("/api/runs?wait=60").contentType(MediaType.APPLICATION_JSON)
                .body("{\"graph\": " + RESIZE_ENCODE + ", \"inputs\": {\"photo\": \"" + hash + "\"}}")
                .retrieve().toEntity(Problem.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().type()).endsWith("/problems/invalid-graph");
        assertThat(refused.getBody().detail()).contains("blob " + hash + " not found");
        assertThat(jdbc.sql("select count(*) from runs where owner_id = :owner").param("owner", bobId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSameBytesUploadedByAnotherUserAreTheirsButNotTheirCachedResults() {
        byte[] photo = TestPhotos.jpeg(120, 80);
        Run first = run(alice, uploadBlob(alice, photo));

        Run second = run(bob, uploadBlob(bob, photo));
        Run again = run(alice, uploadBlob(alice, photo));

        assertThat(first.status()).isEqualTo("SUCCEEDED");
        assertThat(second.status()).isEqualTo("SUCCEEDED");
        assertThat(second.nodes()).extracting(Node::cached).containsOnly(false);
        assertThat(again.nodes()).extracting(Node::cached).as("the same user's re-run still hits the cache")
                .contains(true);
    }

    @Test
    void aShareOfAnAssetStillServesItsImageWithoutAKey() {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", file(TestPhotos.jpeg(70, 70)));
        String asset = (String) ((Map<?, ?>) alice.post().uri("/api/assets").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().body(Map.class).get("asset")).get("id");
        String url = (String) alice.post().uri("/api/shares").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("assetIds", List.of(asset))).retrieve().body(Map.class).get("url");

        Map<?, ?> board = anonymous.get().uri(url).retrieve().body(Map.class);
        String imageUrl = (String) ((Map<?, ?>) ((List<?>) board.get("assets")).get(0)).get("url");
        byte[] image = anonymous.get().uri(imageUrl).retrieve().body(byte[].class);

        assertThat(image).startsWith((byte) 0xFF, (byte) 0xD8);
    }

    private String uploadBlob(RestClient user, byte[] photo) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", file(photo));
        return (String) user.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(Map.class).get("hash");
    }

    private Run run(RestClient user, String photo) {
        return user.post().uri("/api/runs?wait=60").contentType(MediaType.APPLICATION_JSON)
                .body("{\"graph\": " + RESIZE_ENCODE + ", \"inputs\": {\"photo\": \"" + photo + "\"}}")
                .retrieve().body(Run.class);
    }

    private static ByteArrayResource file(byte[] bytes) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        };
    }

    private RestClient client(String key) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + key)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String type, int status, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Run(String id, String status, List<Node> nodes, Map<String, Map<String, Value>> outputs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Node(String id, boolean cached) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Value(Blob blob) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Blob(String hash) {
    }
}
