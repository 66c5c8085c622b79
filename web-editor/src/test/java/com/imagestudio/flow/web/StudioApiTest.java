package com.imagestudio.flow.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The studio over real HTTP, on embedded PostgreSQL and the in-process Temporal server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioApiTest {

    private static final String RESIZE_ENCODE = """
            {"graph": {
               "nodes": [
                 {"id": "load",   "type": "LoadImage"},
                 {"id": "resize", "type": "Resize", "params": {"width": 1080, "height": 1080, "mode": "fill"}},
                 {"id": "encode", "type": "Encode", "params": {"format": "jpeg", "quality": 82}},
                 {"id": "save",   "type": "SaveToLibrary", "params": {"name": "square"}}
               ],
               "edges": [
                 {"from": "load.image",   "to": "resize.image"},
                 {"from": "resize.image", "to": "encode.image"},
                 {"from": "encode.image", "to": "save.image"}
               ],
               "inputs": [{"name": "photo", "node": "load", "param": "blob"}]
             }}
            """;

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
    void aTwelveMegapixelJpegResizedToCoverAndEncodedAtQuality82ComesBackAs1080By1080Jpeg() throws IOException {
        byte[] photo = TestPhotos.jpeg(4000, 3000);

        ResponseEntity<Run> started = http.post().uri("/api/runs?wait=60")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(multipart(RESIZE_ENCODE, "photo", photo))
                .retrieve().toEntity(Run.class);

        assertThat(started.getStatusCode().value()).isEqualTo(201);
        assertThat(started.getHeaders().getLocation()).hasPath("/api/runs/" + started.getBody().id());
        assertThat(started.getBody().status()).isEqualTo("SUCCEEDED");
        String hash = started.getBody().outputs().get("save").get("image").blob().hash();
        ResponseEntity<byte[]> download = http.get().uri("/api/blobs/" + hash).retrieve().toEntity(byte[].class);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        BufferedImage result = ImageIO.read(new ByteArrayInputStream(download.getBody()));
        assertThat(result.getWidth()).isEqualTo(1080);
        assertThat(result.getHeight()).isEqualTo(1080);
        int centre = result.getRGB(540, 540);
        assertThat((centre >> 16) & 0xFF).as("red at the centre").isGreaterThan(200);
        assertThat(centre & 0xFF).as("blue at the centre").isLessThan(60);
    }

    @Test
    void aRunCanBeFollowedByItsLocationUntilItEnds() {
        String hash = upload(TestPhotos.jpeg(640, 480));
        String body = RESIZE_ENCODE.replace("}}\n", "}, \"inputs\": {\"photo\": \"" + hash + "\"}}\n");

        ResponseEntity<Run> started = http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(Run.class);
        Run finished = http.get().uri(started.getHeaders().getLocation() + "?wait=60").retrieve().body(Run.class);

        assertThat(finished.status()).isEqualTo("SUCCEEDED");
        assertThat(finished.nodes()).extracting(Node::id).containsExactly("load", "resize", "encode", "save");
        assertThat(finished.outputs().get("save").get("image").blob().width()).isEqualTo(1080);
    }

    @Test
    void aGraphWithACycleAndATypeMismatchIsRefusedWithEveryProblemListed() {
        String graph = """
                {"nodes": [
                   {"id": "a", "type": "Resize"}, {"id": "b", "type": "Crop", "params": {"width": 10, "height": 10}},
                   {"id": "save", "type": "SaveToLibrary"}, {"id": "enc", "type": "Encode", "params": {"quality": 500}}
                 ],
                 "edges": [
                   {"from": "a.image", "to": "b.image"}, {"from": "b.image", "to": "a.image"},
                   {"from": "b.image", "to": "save.image"}, {"from": "save.nothing", "to": "enc.image"}
                 ]}
                """;

        ResponseEntity<Problem> response = http.post().uri("/api/graphs/validate").contentType(MediaType.APPLICATION_JSON)
                .body(graph).retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().type()).endsWith("/problems/invalid-graph");
        assertThat(response.getBody().problems()).extracting(GraphProblem::nodeId, GraphProblem::code).contains(
                org.assertj.core.groups.Tuple.tuple("a", "CYCLE"),
                org.assertj.core.groups.Tuple.tuple("save", "UNKNOWN_PORT"),
                org.assertj.core.groups.Tuple.tuple("enc", "INVALID_PARAMETER"));
    }

    @Test
    void anEdgeBetweenIncompatiblePortsIsATypeMismatchNamingBothEnds() {
        String graph = """
                {"nodes": [{"id": "caption", "type": "CaptionForTests"}, {"id": "save", "type": "SaveToLibrary"}],
                 "edges": [{"from": "caption.text", "to": "save.image"}]}
                """;

        ResponseEntity<Problem> response = http.post().uri("/api/graphs/validate").contentType(MediaType.APPLICATION_JSON)
                .body(graph).retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("TYPE_MISMATCH");
            assertThat(problem.message()).contains("caption.text (TEXT)").contains("save.image (IMAGE)");
        });
    }

    @Test
    void aRunOfAnIncompleteGraphIsRefusedBeforeItStarts() {
        String body = """
                {"graph": {"nodes": [{"id": "enc", "type": "Encode"}], "edges": []}}
                """;

        ResponseEntity<Problem> response = http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().problems()).extracting(GraphProblem::code)
                .containsExactlyInAnyOrder("MISSING_INPUT", "NO_OUTPUT_NODE");
    }

    @Test
    void theEstimateOfAGraphGivesCreditsPerNodeAndTheTotalForAllRowsOfABatch() {
        String graph = """
                {"nodes": [{"id": "load", "type": "LoadImage"},
                           {"id": "paid", "type": "PaidPassThroughForTests", "params": {"credits": 7}},
                           {"id": "save", "type": "SaveToLibrary"}],
                 "edges": [{"from": "load.image", "to": "paid.image"}, {"from": "paid.image", "to": "save.image"}],
                 "inputs": [{"name": "photo", "node": "load", "param": "blob"}]}
                """;

        Map<String, Object> estimate = http.post().uri("/api/graphs/estimate?rows=3").contentType(MediaType.APPLICATION_JSON)
                .body(graph).retrieve().body(Map.class);

        assertThat(estimate).containsEntry("totalCredits", 21);
        assertThat((List<Map<String, Object>>) estimate.get("nodes"))
                .extracting(n -> n.get("nodeId"), n -> n.get("credits"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("load", 0),
                        org.assertj.core.groups.Tuple.tuple("paid", 7), org.assertj.core.groups.Tuple.tuple("save", 0));
    }

    @Test
    void theCreditsOfTheUserShowTheBalanceOfTheirPlanAndTheLedger() {
        Map<String, Object> credits = http.get().uri("/api/credits").retrieve().body(Map.class);

        Map<String, Object> balance = (Map<String, Object>) credits.get("balance");
        assertThat(balance).containsEntry("plan", "PRO").containsKey("available");
        assertThat((List<Map<String, Object>>) credits.get("ledger")).extracting(e -> e.get("kind")).contains("GRANT");
    }

    @Test
    void anUploadThatIsNotAnImageIsRefusedWithAProblemSayingWhatItIs() {
        ResponseEntity<Problem> response = http.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(fileOnly("file", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes()))
                .retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().detail()).contains("SVG");
    }

    @Test
    void anUnknownRunIsNotFound() {
        ResponseEntity<Problem> response = http.get().uri("/api/runs/run-nope").retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().type()).endsWith("/problems/not-found");
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        ResponseEntity<Problem> response = http.post().uri("/api/graphs/validate").contentType(MediaType.APPLICATION_JSON)
                .body("{\"nodes\": [").retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theCatalogListsEachNodeWithTheJsonSchemaOfItsParameters() {
        List<Map<String, Object>> nodes = http.get().uri("/api/nodes").retrieve().body(List.class);

        assertThat(nodes).extracting(n -> n.get("id"))
                .contains("LoadImage", "Resize", "Crop", "Encode", "SaveToLibrary");
        Map<String, Object> resize = nodes.stream().filter(n -> n.get("id").equals("Resize")).findFirst().orElseThrow();
        Map<String, Object> width = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) resize.get("params"))
                .get("properties")).get("width");
        assertThat(width).containsEntry("type", "integer").containsEntry("minimum", 1).containsEntry("default", 1080);
    }

    private String upload(byte[] image) {
        return http.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(fileOnly("file", image)).retrieve().body(Blob.class).hash();
    }

    /** As {@code curl -F 'run=@graph.json;type=application/json' -F 'photo=@photo.jpg'} sends it. */
    private static MultiValueMap<String, Object> multipart(String runJson, String input, byte[] file) {
        MultiValueMap<String, Object> parts = fileOnly(input, file);
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("run", new HttpEntity<>(named(runJson.getBytes(StandardCharsets.UTF_8), "graph.json"), json));
        return parts;
    }

    private static MultiValueMap<String, Object> fileOnly(String name, byte[] file) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add(name, named(file, name + ".bin"));
        return parts;
    }

    private static ByteArrayResource named(byte[] bytes, String filename) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        };
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Run(String id, String status, String error, List<Node> nodes, Map<String, Map<String, Value>> outputs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Node(String id, String type, String status, boolean cached) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Value(String type, Blob blob) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Blob(String hash, String mediaType, long size, int width, int height) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String type, String title, int status, String detail, List<GraphProblem> problems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GraphProblem(String nodeId, String code, String message) {
    }
}
