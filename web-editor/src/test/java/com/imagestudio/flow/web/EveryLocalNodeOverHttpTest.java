package com.imagestudio.flow.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every local node works in a graph run over HTTP: a photo is loaded, the node runs with the
 * given parameters on it, and an output node keeps its result. (Each node's pixels are checked
 * by its own test in the activities module; this proves the wiring end to end.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryLocalNodeOverHttpTest {

    @LocalServerPort
    int port;
    RestClient http;
    String photo;

    @BeforeAll
    void uploadAPhoto() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(TestPhotos.jpeg(400, 300)) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        });
        photo = (String) http.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(Map.class).get("hash");
    }

    /** node type, its parameters, its inputs fed with the photo, its output port, the output node that keeps it. */
    static Stream<Arguments> localNodes() {
        return Stream.of(
                node("Resize", "{\"width\": 200, \"height\": 100}", List.of("image"), "image", "SaveToLibrary"),
                node("Crop", "{\"x\": 10, \"y\": 10, \"width\": 100, \"height\": 80}", List.of("image"), "image", "SaveToLibrary"),
                node("Encode", "{\"format\": \"webp\", \"quality\": 70}", List.of("image"), "image", "SaveToLibrary"),
                node("ConvertFormat", "{\"format\": \"png\"}", List.of("image"), "image", "SaveToLibrary"),
                node("Compress", "{\"preset\": \"web_optimized\"}", List.of("image"), "image", "SaveToLibrary"),
                node("SocialCrop", "{\"format\": \"instagram_story\", \"mode\": \"smart\"}", List.of("image"), "image", "SaveToLibrary"),
                node("SocialFanOut", "{\"formats\": \"instagram_square,x_post\"}", List.of("image"), "images", "SaveImagesToLibrary"),
                node("Watermark", "{\"text\": \"(c) Studio\", \"opacity\": 0.5}", List.of("image"), "image", "SaveToLibrary"),
                node("Composite", "{\"opacity\": 0.5}", List.of("base", "overlay"), "image", "SaveToLibrary"),
                node("TemplateRender", "{\"format\": \"instagram_square\", \"headline\": \"Spring sale\"}", List.of(), "image", "SaveToLibrary"),
                node("RemoveBackground", "{}", List.of("image"), "image", "SaveToLibrary"),
                node("Inpaint", "{}", List.of("image", "mask"), "image", "SaveToLibrary"),
                node("Recolor", "{\"source\": \"#ff0000\", \"target\": \"#0000ff\"}", List.of("image"), "image", "SaveToLibrary"),
                node("Outpaint", "{\"top\": 20, \"bottom\": 20}", List.of("image"), "image", "SaveToLibrary"),
                node("Upscale", "{}", List.of("image"), "image", "SaveToLibrary"),
                node("KenBurnsVideo", "{\"duration\": 1, \"fps\": 12, \"frame\": \"square_720\"}", List.of("image"), "video", "SaveVideoToLibrary"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("localNodes")
    void aGraphWithTheNodeRunsToTheEndOverHttp(String type, String params, List<String> photoInputs, String output,
                                                String saver) {
        StringBuilder edges = new StringBuilder();
        photoInputs.forEach(port -> edges.append("{\"from\": \"load.image\", \"to\": \"node.").append(port).append("\"},"));
        String savedPort = saver.equals("SaveImagesToLibrary") ? "images" : saver.equals("SaveVideoToLibrary") ? "video" : "image";
        edges.append("{\"from\": \"node.").append(output).append("\", \"to\": \"save.").append(savedPort).append("\"}");
        String loader = photoInputs.isEmpty() ? "" : "{\"id\": \"load\", \"type\": \"LoadImage\", \"params\": {\"blob\": \"" + photo + "\"}},";
        String body = "{\"graph\": {\"nodes\": [" + loader
                + "{\"id\": \"node\", \"type\": \"" + type + "\", \"params\": " + params + "},"
                + "{\"id\": \"save\", \"type\": \"" + saver + "\"}], \"edges\": [" + edges + "]}}";

        Map<String, Object> run = http.post().uri("/api/runs?wait=120").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Map.class);

        assertThat(run.get("status")).as("%s: %s", type, run).isEqualTo("SUCCEEDED");
        Map<String, Object> kept = (Map<String, Object>) ((Map<String, Object>) run.get("outputs")).get("save");
        Map<String, Object> value = (Map<String, Object>) kept.values().iterator().next();
        List<Map<String, Object>> blobs = value.containsKey("list")
                ? (List<Map<String, Object>>) value.get("list") : List.of((Map<String, Object>) value.get("blob"));
        assertThat(blobs).isNotEmpty().allSatisfy(blob -> {
            byte[] bytes = http.get().uri("/api/blobs/" + blob.get("hash")).retrieve().body(byte[].class);
            assertThat(bytes).hasSize(((Number) blob.get("size")).intValue()).isNotEmpty();
        });
    }

    @Test
    void anEnhancedPromptKeptAsTextIsAResultOfTheRunAndATextAssetWithThatText() {
        String body = """
                {"graph": {
                   "nodes": [{"id": "enhance", "type": "EnhancePrompt", "params": {"prompt": "a lighthouse at dusk"}},
                             {"id": "keep", "type": "SaveTextToLibrary", "params": {"name": "lighthouse prompt"}}],
                   "edges": [{"from": "enhance.prompt", "to": "keep.text"}]}}""";

        Map<String, Object> run = http.post().uri("/api/runs?wait=60").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Map.class);

        assertThat(run.get("status")).as("%s", run).isEqualTo("SUCCEEDED");
        Map<String, Object> kept = (Map<String, Object>) ((Map<String, Object>) run.get("outputs")).get("keep");
        String text = (String) ((Map<String, Object>) kept.get("text")).get("text");
        assertThat(text).startsWith("a lighthouse at dusk");
        Map<String, Object> assets = http.get().uri("/api/assets?type=TEXT&run={run}", run.get("id")).retrieve().body(Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) assets.get("items");
        assertThat(items).singleElement().satisfies(asset -> {
            assertThat(asset.get("name")).isEqualTo("lighthouse prompt");
            byte[] stored = http.get().uri("/api/assets/{id}/content", asset.get("id")).retrieve().body(byte[].class);
            assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(text);
        });
    }

    private static Arguments node(String type, String params, List<String> photoInputs, String output, String saver) {
        return Arguments.of(type, params, photoInputs, output, saver);
    }
}
