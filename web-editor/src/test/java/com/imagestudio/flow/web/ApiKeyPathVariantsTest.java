package com.imagestudio.flow.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a key required, no spelling of an {@code /api} path reaches the API without one: each is a
 * 401 problem, or a 400 problem where the path is refused, or a 404 problem where nothing routes.
 * Requests go over a raw socket so no client normalises the path first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "studio.auth.local-user=")
class ApiKeyPathVariantsTest {

    private static final String BLOB = "0".repeat(64);

    @LocalServerPort
    int port;

    static Stream<Arguments> variants() {
        return Stream.of("/api/blobs/" + BLOB, "/%61pi/blobs/" + BLOB, "/api/%62lobs", "/%61%70%69/blobs",
                        "/api%2Fblobs", "/api%2fblobs/" + BLOB, "//api/blobs", "/api//blobs", "/api/./blobs",
                        "/api/../api/blobs", "/api/blobs/../blobs", "/api/blobs;jsessionid=x", "/api;x=1/blobs",
                        "/api/blobs/", "/API/blobs", "/Api/blobs/" + BLOB, "/api/blobs/%2e%2e/", "/api/%2e/blobs",
                        "/api/blobs/%2E%2E/blobs", "/api/blobs%00", "/api/blobs\\x", "/api/blobs%5c", "/./api/blobs",
                        "/api/shared/x/../../blobs", "/api/shared/x/assets/..%2f..%2f..%2fblobs", "/api/blobs?x=/api/shared/a")
                .flatMap(path -> Stream.of(Arguments.of("GET", path), Arguments.of("POST", path)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void aPathVariantWithoutAKeyIsRefusedWithAProblem(String method, String path) throws IOException {
        // given no API key and no local user; when the raw path is sent
        String response = send(method, path);

        // then it never succeeds, and the answer is a problem with a type
        int status = Integer.parseInt(response.substring(9, 12));
        assertThat(status).as(response).isIn(400, 401, 404);
        assertThat(response.toLowerCase()).as(response).contains("content-type: application/problem+json");
        assertThat(response).as(response).containsPattern("\"type\":\"https://image-studio-flow.dev/problems/[a-z-]+\"");
        if (status == 404) {
            assertThat(path).as("only an upper-case /API routes nowhere").startsWith("/A");
        }
    }

    private String send(String method, String path) throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\n"
                + "Content-Type: image/png\r\n\r\nnot a png\r\n--b--\r\n";
        String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (method.equals("POST") ? "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body : "\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
