package com.imagestudio.flow.web;

import com.imagestudio.flow.engine.config.TemporalConfiguration.WorkerLifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shape without Docker: a Temporal server in its own JVM process, a studio with
 * {@code studio.role=web} in this JVM, and a studio with {@code studio.role=worker} as a separate
 * OS process, all sharing one PostgreSQL and one blob folder (see {@link SeparateProcessDeployment}).
 * A run started over HTTP on the web process waits on the task queue until the worker process
 * polls it, then the worker runs it.
 */
class SeparateWorkerProcessTest {

    private static final String RESIZE_ENCODE = """
            {"graph": {
               "nodes": [
                 {"id": "load",   "type": "LoadImage"},
                 {"id": "resize", "type": "Resize", "params": {"width": 320, "height": 320, "mode": "fill"}},
                 {"id": "encode", "type": "Encode", "params": {"format": "jpeg", "quality": 82}},
                 {"id": "save",   "type": "SaveToLibrary", "params": {"name": "square"}}
               ],
               "edges": [
                 {"from": "load.image",   "to": "resize.image"},
                 {"from": "resize.image", "to": "encode.image"},
                 {"from": "encode.image", "to": "save.image"}
               ],
               "inputs": [{"name": "photo", "node": "load", "param": "blob"}]
             },
             "inputs": {"photo": "%s"}}
            """;

    @RegisterExtension
    static final SeparateProcessDeployment deployment = new SeparateProcessDeployment();

    @Test
    void aRunStartedOnTheWebProcessWaitsForAWorkerAndIsRunByTheWorkerProcess() throws Exception {
        assertThat(deployment.web().getBeansOfType(WorkerLifecycle.class)).as("a web process does not poll").isEmpty();
        RestClient http = deployment.http();
        String photo = SeparateProcessDeployment.upload(http, TestPhotos.jpeg(800, 600));

        StudioApiTest.Run accepted = http.post().uri("/api/runs?wait=3").contentType(MediaType.APPLICATION_JSON)
                .body(RESIZE_ENCODE.formatted(photo)).retrieve().body(StudioApiTest.Run.class);

        assertThat(accepted.status()).as("nothing runs it yet").isEqualTo("QUEUED");
        assertThat(accepted.nodes()).extracting(StudioApiTest.Node::status).containsOnly("PENDING");

        Instant workerStarted = Instant.now();
        SeparateProcessDeployment.Worker worker = deployment.startWorker("worker");

        StudioApiTest.Run finished = http.get().uri("/api/runs/" + accepted.id() + "?wait=90")
                .retrieve().body(StudioApiTest.Run.class);

        System.out.printf("two-process test: run finished %d ms after the worker was started%n",
                Duration.between(workerStarted, Instant.now()).toMillis());
        assertThat(finished.status()).as(() -> "run status; worker log:\n" + worker.tail()).isEqualTo("SUCCEEDED");
        assertThat(finished.nodes()).extracting(StudioApiTest.Node::status).containsOnly("SUCCEEDED");
        String hash = finished.outputs().get("save").get("image").blob().hash();
        byte[] jpeg = http.get().uri("/api/blobs/" + hash).retrieve().body(byte[].class);
        BufferedImage result = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(result.getWidth()).isEqualTo(320);
        assertThat(result.getHeight()).isEqualTo(320);

        assertThat(worker.process().isAlive()).isTrue();
        assertThat(Files.readString(worker.log())).contains("Temporal worker polling task queue image-studio");
        assertThat(SeparateProcessDeployment.isListening(worker.httpPort()))
                .as("a worker process serves no HTTP, not even on server.port").isFalse();
    }
}
