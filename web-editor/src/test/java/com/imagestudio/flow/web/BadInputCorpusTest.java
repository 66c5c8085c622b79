package com.imagestudio.flow.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind gets a clear 4xx problem (or a run that fails without retry), nothing
 * is stored, and the studio keeps working afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputCorpusTest {

    @LocalServerPort
    int port;
    @Value("${studio.blobs.path}")
    Path blobFolder;
    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    static Stream<Arguments> refusedUploads() throws IOException {
        byte[] png = png(64, 48);
        return Stream.of(
                Arguments.of("zero bytes", new byte[0], "an empty file"),
                Arguments.of("random bytes", "this is not an image at all".getBytes(StandardCharsets.UTF_8), "not an image"),
                Arguments.of("an SVG", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8), "SVG"),
                Arguments.of("a PDF", "%PDF-1.7\n%...".getBytes(StandardCharsets.ISO_8859_1), "PDF"),
                Arguments.of("a GIF", "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), "GIF"),
                Arguments.of("a truncated PNG header", Arrays.copyOf(png, 12), "corrupt or truncated"),
                Arguments.of("a truncated JPEG header", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16}, "corrupt or truncated"),
                Arguments.of("a decompression bomb (30000x30000 declared)", declaring(png, 30000, 30000), "the limit is"),
                Arguments.of("huge dimensions (100000 pixels wide)", declaring(png, 100_000, 10), "pixels a side"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedUploads")
    void anUploadThatIsNotAnAcceptableImageIsRefusedAndNothingIsStored(String what, byte[] bytes, String detail) throws IOException {
        long before = storedBlobs();

        ResponseEntity<Problem> response = upload(bytes);

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().type()).endsWith("/problems/bad-input");
        assertThat(response.getBody().detail()).contains(detail);
        assertThat(storedBlobs()).isEqualTo(before);
    }

    @Test
    void anImageWhosePixelsAreCorruptFailsItsRunWithoutRetryAndTheStudioGoesOn() throws IOException {
        byte[] png = png(64, 48);
        byte[] corrupt = png.clone();
        for (int i = 45; i < corrupt.length - 20; i++) {
            corrupt[i] = (byte) 0x5A; // the header reads, the compressed pixels do not
        }
        String hash = hashOf(upload(corrupt));

        Map<String, Object> run = startResize(hash);

        assertThat(run.get("status")).isEqualTo("FAILED");
        assertThat((String) run.get("error")).contains("corrupt");
        Map<String, Object> healthy = startResize(hashOf(upload(png)));
        assertThat(healthy.get("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void malformedGraphJsonIsABadRequestProblem() {
        ResponseEntity<Problem> response = http.post().uri("/api/runs").contentType(MediaType.APPLICATION_JSON)
                .body("{\"graph\": {\"nodes\": [{\"id\": ").retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aWrongContentTypeIsRefusedWithAProblem() {
        ResponseEntity<Problem> response = http.post().uri("/api/runs").contentType(MediaType.TEXT_PLAIN)
                .body("resize my photo please").retrieve().toEntity(Problem.class);

        assertThat(response.getStatusCode().value()).isEqualTo(415);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedWithAProblem() {
        ResponseEntity<Problem> response = upload(new byte[51 * 1024 * 1024]);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void pathTraversalInABlobNameFindsNothing() {
        for (String name : new String[] {"..%2F..%2F..%2Fetc%2Fpasswd", "....", "%2e%2e", "etc"}) {
            ResponseEntity<byte[]> response = http.get().uri("/api/blobs/" + name).retrieve().toEntity(byte[].class);
            assertThat(response.getStatusCode().value()).as(name).isIn(400, 404);
        }
    }

    @Test
    void aResultNameWithPathSeparatorsIsAnInvalidParameter() {
        String graph = """
                {"nodes": [{"id": "load", "type": "LoadImage", "params": {"blob": "%s"}},
                           {"id": "save", "type": "SaveToLibrary", "params": {"name": "../../etc/passwd"}}],
                 "edges": [{"from": "load.image", "to": "save.image"}]}
                """.formatted("0".repeat(64));

        ResponseEntity<Map> response = http.post().uri("/api/graphs/validate").contentType(MediaType.APPLICATION_JSON)
                .body(graph).retrieve().toEntity(Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("problems").toString()).contains("INVALID_PARAMETER", "name");
    }

    private Map<String, Object> startResize(String hash) {
        String body = """
                {"graph": {"nodes": [{"id": "load", "type": "LoadImage"},
                                     {"id": "resize", "type": "Resize", "params": {"width": 32, "height": 32}},
                                     {"id": "save", "type": "SaveToLibrary"}],
                           "edges": [{"from": "load.image", "to": "resize.image"}, {"from": "resize.image", "to": "save.image"}],
                           "inputs": [{"name": "photo", "node": "load", "param": "blob"}]},
                 "inputs": {"photo": "%s"}}
                """.formatted(hash);
        return http.post().uri("/api/runs?wait=60").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Map.class);
    }

    private ResponseEntity<Problem> upload(byte[] bytes) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return "upload.bin";
            }
        });
        return http.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().toEntity(Problem.class);
    }

    private String hashOf(ResponseEntity<Problem> uploaded) {
        assertThat(uploaded.getStatusCode().value()).isEqualTo(201);
        String location = uploaded.getHeaders().getLocation().getPath();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private long storedBlobs() throws IOException {
        if (!Files.exists(blobFolder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(blobFolder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 7) ^ (y * 13) * 0x010101);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The same PNG with its IHDR claiming other dimensions (and a valid CRC). */
    private static byte[] declaring(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        ByteBuffer.wrap(patched, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 17);
        ByteBuffer.wrap(patched, 29, 4).putInt((int) crc.getValue());
        return patched;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String type, String title, Integer status, String detail) {
    }
}
