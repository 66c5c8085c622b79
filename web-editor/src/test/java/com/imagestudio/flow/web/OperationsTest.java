package com.imagestudio.flow.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators look at: health, and metrics of runs and nodes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpWithItsDatabase() {
        Map<String, Object> health = http().get().uri("/actuator/health").retrieve().body(Map.class);

        assertThat(health).containsEntry("status", "UP");
    }

    @Test
    void aFinishedRunIsCountedAndItsNodesAreTimedByType() {
        RestClient http = http();
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(TestPhotos.jpeg(120, 80)) {
            @Override
            public String getFilename() {
                return "photo.jpg";
            }
        });
        String hash = (String) http.post().uri("/api/blobs").contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .retrieve().body(Map.class).get("hash");
        http.post().uri("/api/runs?wait=60").contentType(MediaType.APPLICATION_JSON).body("""
                {"graph": {"nodes": [{"id": "load", "type": "LoadImage", "params": {"blob": "%s"}},
                                     {"id": "resize", "type": "Resize", "params": {"width": 40, "height": 40}},
                                     {"id": "save", "type": "SaveToLibrary"}],
                           "edges": [{"from": "load.image", "to": "resize.image"}, {"from": "resize.image", "to": "save.image"}]}}
                """.formatted(hash)).retrieve().toBodilessEntity();

        Map<String, Object> ended = http.get().uri("/actuator/metrics/studio.runs.ended?tag=status:succeeded")
                .retrieve().body(Map.class);
        Map<String, Object> resize = http.get().uri("/actuator/metrics/studio.nodes.duration?tag=type:Resize")
                .retrieve().body(Map.class);

        assertThat(count(ended)).isGreaterThanOrEqualTo(1);
        assertThat(count(resize)).isGreaterThanOrEqualTo(1);
    }

    private static double count(Map<String, Object> metric) {
        return ((List<Map<String, Object>>) metric.get("measurements")).stream()
                .filter(m -> m.get("statistic").equals("COUNT")).mapToDouble(m -> ((Number) m.get("value")).doubleValue())
                .findFirst().orElse(0);
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port).build();
    }
}
