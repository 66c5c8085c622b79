package com.imagestudio.flow.web;

import com.imagestudio.flow.web.StudioApiTest.Blob;
import com.imagestudio.flow.web.StudioApiTest.Node;
import com.imagestudio.flow.web.StudioApiTest.Run;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-sent events that the editor follows a run with. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunEventsTest {

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theEventsOfARunEndWithTheRunSucceededAndEveryNodeSucceeded() throws Exception {
        String runId = startResizeRun(0);

        HttpResponse<java.util.stream.Stream<String>> response = openEvents(runId);
        List<Run> events = readEvents(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(events).isNotEmpty().allSatisfy(event -> assertThat(event.id()).isEqualTo(runId));
        Run last = events.get(events.size() - 1);
        assertThat(last.status()).isEqualTo("SUCCEEDED");
        assertThat(last.nodes()).extracting(Node::status).containsOnly("SUCCEEDED");
        assertThat(last.outputs().get("save").get("image").blob().width()).isEqualTo(300);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i)).as("event %d repeats the one before", i).isNotEqualTo(events.get(i - 1));
        }
    }

    @Test
    void aRunThatHasEndedSendsOneEventAndTheStreamEnds() throws Exception {
        String runId = startResizeRun(60);

        List<Run> events = readEvents(openEvents(runId));

        assertThat(events).singleElement().satisfies(event -> assertThat(event.status()).isEqualTo("SUCCEEDED"));
    }

    @Test
    void theEventsOfAnUnknownRunAreNotFound() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/runs/run-nope/events")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private HttpResponse<java.util.stream.Stream<String>> openEvents(String runId) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/runs/" + runId + "/events"))
                        .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    /** Every event until the server ends the stream. */
    private List<Run> readEvents(HttpResponse<java.util.stream.Stream<String>> response) {
        List<Run> events = new ArrayList<>();
        try (var lines = response.body()) {
            lines.filter(line -> line.startsWith("data:"))
                    .forEach(line -> events.add(read(line.substring("data:".length()))));
        }
        return events;
    }

    private String startResizeRun(int waitSeconds) {
        RestClient http = RestClient.create("http://localhost:" + port);
        MultiValueMap<String, Object> file = new LinkedMultiValueMap<>();
        file.add("file", new ByteArrayResource(TestPhotos.jpeg(900, 600)) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        });
        String hash = http.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA).body(file)
                .retrieve().body(Blob.class).hash();
        String body = """
                {"graph": {
                   "nodes": [
                     {"id": "load", "type": "LoadImage"},
                     {"id": "resize", "type": "Resize", "params": {"width": 300, "height": 200, "mode": "exact"}},
                     {"id": "encode", "type": "Encode", "params": {"format": "jpeg"}},
                     {"id": "save", "type": "SaveToLibrary"}
                   ],
                   "edges": [{"from": "load.image", "to": "resize.image"}, {"from": "resize.image", "to": "encode.image"},
                             {"from": "encode.image", "to": "save.image"}],
                   "inputs": [{"name": "photo", "node": "load", "param": "blob"}]},
                 "inputs": {"photo": "%s"}}
                """.formatted(hash);
        return http.post().uri("/api/runs?wait=" + waitSeconds).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(Run.class).id();
    }

    private Run read(String data) {
        try {
            return json.readValue(data.strip(), Run.class);
        } catch (RuntimeException e) {
            throw new AssertionError("not a run: " + data, e);
        }
    }
}
