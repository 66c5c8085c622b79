package com.imagestudio.flow.activities.testing;

import com.imagestudio.flow.activities.providers.ProviderClients;
import com.imagestudio.flow.activities.providers.ProviderSettings;
import com.imagestudio.flow.activities.providers.RetryPolicy;
import com.imagestudio.flow.activities.providers.Sleeper;
import com.imagestudio.flow.catalog.provider.Provider;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every provider on one local mock server speaking its recorded wire format, a sleeper that records
 * waits instead of sleeping, and a fixed clock. Each provider has a recognisable secret key, so a
 * test can assert it never leaks.
 */
public final class MockProviders implements AutoCloseable {

    /** "Now" for Retry-After dates. */
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    public static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60));

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new ArrayList<>();

    public MockProviders() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String keyOf(Provider provider) {
        return "sk-" + provider.name().toLowerCase() + "-SECRET-0123456789";
    }

    public MockWebServer server() {
        return server;
    }

    public String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    public ProviderSettings settings() {
        ProviderSettings settings = ProviderSettings.none();
        for (Provider provider : Provider.values()) {
            settings = settings.with(provider, baseUrl(), keyOf(provider));
        }
        return settings.allowingPrivateDownloads();
    }

    public ProviderClients clients() {
        return clients(settings());
    }

    public ProviderClients clients(ProviderSettings settings) {
        Sleeper recording = waits::add;
        return new ProviderClients(settings, RETRY, recording, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The waits asked for so far (retries and polls), in order. */
    public List<Duration> waits() {
        return waits;
    }

    public void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    public RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request reached the mock provider");
            }
            return request;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    // ---- responses ----

    public static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    public static MockResponse fixture(int code, String path, String... replacements) {
        String body = fixtureText(path);
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            body = body.replace(replacements[i], replacements[i + 1]);
        }
        return json(code, body);
    }

    public static MockResponse bytes(int code, byte[] body, String contentType) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", contentType)
                .body(new Buffer().write(body)).build();
    }

    /** A Stability-style image answer: the bytes with a SUCCESS finish-reason. */
    public static MockResponse image(byte[] png) {
        return new MockResponse.Builder(bytes(200, png, "image/png")).setHeader("finish-reason", "SUCCESS").build();
    }

    /** The smallest thing that looks like an MP4: an ftyp box. */
    public static byte[] tinyMp4() {
        return new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
    }

    /** Queues a WaveSpeed prediction: submitted, processing once, completed with one output served at {@code path}. */
    public void enqueuePrediction(String path, byte[] output, String contentType) {
        enqueue(fixture(200, "wavespeed/submitted.json"));
        enqueue(fixture(200, "wavespeed/processing.json"));
        enqueue(fixture(200, "wavespeed/completed.json", "OUTPUT_URL", server.url(path).toString()));
        enqueue(bytes(200, output, contentType));
    }

    public static String fixtureText(String path) {
        try (InputStream in = MockProviders.class.getResourceAsStream("/providers/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- reading requests ----

    /** One part of a multipart/form-data body. */
    public record Part(String name, String filename, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The parts of a recorded multipart/form-data request, by name, in order. */
    public static Map<String, Part> multipart(RecordedRequest request) {
        String contentType = request.getHeaders().get("Content-Type");
        if (contentType == null || !contentType.startsWith("multipart/form-data")) {
            throw new AssertionError("not multipart/form-data: " + contentType);
        }
        String boundary = contentType.substring(contentType.indexOf("boundary=") + 9);
        byte[] body = request.getBody().toByteArray();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(body, delimiter, headersEnd);
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next - 2);
            String name = between(headers, "name=\"", "\"");
            parts.put(name, new Part(name, between(headers, "filename=\"", "\""), headerValue(headers, "Content-Type"), content));
            at = next;
        }
        return parts;
    }

    public static String bodyText(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    private static String between(String text, String from, String to) {
        int i = text.indexOf(from);
        if (i < 0) {
            return null;
        }
        int j = text.indexOf(to, i + from.length());
        return text.substring(i + from.length(), j);
    }

    private static String headerValue(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
