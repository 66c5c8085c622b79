package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.activities.image.ImageFormat;
import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.catalog.graph.InvalidGraphException;
import com.imagestudio.flow.catalog.graph.ProblemCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs graphs end to end on embedded PostgreSQL and the in-process Temporal server. */
@SpringBootTest
class RunServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    RunService runs;
    @Autowired
    BlobStore blobs;
    @Autowired
    RunRepository runRows;
    @Autowired
    RunNodeRepository nodeRows;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;
    @Autowired
    com.imagestudio.flow.catalog.graph.GraphValidator validator;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void runsAResizeAndEncodeGraphToAJpegOfTheRequestedSize() throws IOException {
        BlobRef photo = storeJpeg(1600, 1200, Color.ORANGE);

        RunView run = runs.await("alice", runs.start("alice", resizeGraph(400, 300, 80), Map.of("photo", photo.hash())).id(), WAIT);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.nodes()).extracting(RunView.NodeView::status).containsOnly(NodeStatus.SUCCEEDED);
        BlobRef result = run.outputs().get("save").get("image").blob();
        assertThat(result.mediaType()).isEqualTo("image/jpeg");
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(blobs.get(result.hash()).orElseThrow()));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(ImageFormat.sniff(blobs.get(result.hash()).orElseThrow())).contains(ImageFormat.JPEG);
    }

    @Test
    void rerunningAnUnchangedGraphTakesEveryNodeFromTheCache() throws IOException {
        BlobRef photo = storeJpeg(800, 600, Color.BLUE);
        Graph graph = resizeGraph(200, 200, 70);
        runs.await("alice", runs.start("alice", graph, Map.of("photo", photo.hash())).id(), WAIT);

        RunView again = runs.await("alice", runs.start("alice", graph, Map.of("photo", photo.hash())).id(), WAIT);

        assertThat(again.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(again.nodes()).allMatch(RunView.NodeView::cached);
    }

    @Test
    void aNodeThatFailsOnItsInputFailsTheRunAndSkipsWhatDependsOnIt() throws IOException {
        BlobRef photo = storeJpeg(300, 200, Color.GREEN);
        Graph graph = new Graph(List.of(
                new GraphNode("load", "LoadImage", 1, Map.of()),
                new GraphNode("crop", "Crop", 1, Map.of("x", 100, "y", 0, "width", 500, "height", 100)),
                new GraphNode("save", "SaveToLibrary", 1, Map.of())),
                List.of(new Edge("load.image", "crop.image"), new Edge("crop.image", "save.image")),
                List.of(new GraphInput("photo", "load", "blob", "the photo")));

        RunView run = runs.await("alice", runs.start("alice", graph, Map.of("photo", photo.hash())).id(), WAIT);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("crop").contains("does not fit in the 300x200 image");
        assertThat(run.nodes()).extracting(RunView.NodeView::id, RunView.NodeView::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("load", NodeStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("crop", NodeStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("save", NodeStatus.SKIPPED));
    }

    @Test
    void anInvalidGraphIsRefusedBeforeAnythingIsStored() {
        Graph graph = new Graph(List.of(new GraphNode("a", "Resize", 1, Map.of("width", 0))), List.of(), List.of());

        assertThatThrownBy(() -> runs.start("alice", graph, Map.of()))
                .isInstanceOfSatisfying(InvalidGraphException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code()).contains(ProblemCode.INVALID_PARAMETER, ProblemCode.MISSING_INPUT,
                                ProblemCode.NO_OUTPUT_NODE));
    }

    @Test
    void aRunInterruptedByARestartIsStartedAgainAndItsFinishedNodesComeFromTheCache() throws IOException {
        BlobRef photo = storeJpeg(500, 400, Color.CYAN);
        String runId = runs.await("alice", runs.start("alice", resizeGraph(100, 100, 75), Map.of("photo", photo.hash())).id(), WAIT).id();
        // as the database looks when the studio stopped while "encode" ran: the workflow is gone
        transaction.executeWithoutResult(tx -> {
            runRows.findById(runId).orElseThrow().finished(RunStatus.RUNNING, null, null, null);
            nodeRows.findByRunIdAndNodeId(runId, "encode").orElseThrow().started(java.time.Instant.now());
            nodeRows.findByRunIdAndNodeId(runId, "save").orElseThrow().skipped();
        });

        List<String> resumed = runs.resumeUnfinished();
        RunView run = runs.await("alice", runId, WAIT);

        assertThat(resumed).contains(runId);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.nodes()).allSatisfy(node -> {
            assertThat(node.status()).isEqualTo(NodeStatus.SUCCEEDED);
            assertThat(node.cached()).as(node.id() + " from the cache").isTrue();
        });
    }

    @Test
    void aRunThatCannotBeResumedIsFailedWithTheReasonAndTheOthersResume() throws IOException {
        BlobRef photo = storeJpeg(120, 90, Color.PINK);
        Map<String, Object> inputs = Map.of("photo", photo.hash());
        List<String> ids = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> runs.record("alice", validator.require(resizeGraph(40 + i, 30, 80), inputs), inputs, RunOrigin.NONE).runId())
                .toList();
        // as a graph stored by an older studio that this one can no longer read
        jdbc.sql("update runs set graph = '\"not a graph\"'::jsonb where id = :id").param("id", ids.get(1)).update();

        List<String> resumed = runs.resumeUnfinished();

        assertThat(resumed).contains(ids.get(0), ids.get(2)).doesNotContain(ids.get(1));
        RunView broken = runs.find("alice", ids.get(1));
        assertThat(broken.status()).isEqualTo(RunStatus.FAILED);
        assertThat(broken.error()).startsWith("the run could not be resumed after a restart: ");
        assertThat(runs.await("alice", ids.get(0), WAIT).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(runs.await("alice", ids.get(2), WAIT).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void cancellingAQueuedRunWhoseWorkflowNeverStartedEndsItAsCancelled() throws IOException {
        BlobRef photo = storeJpeg(80, 60, Color.GRAY);
        Map<String, Object> inputs = Map.of("photo", photo.hash());
        String runId = runs.record("alice", validator.require(resizeGraph(20, 20, 80), inputs), inputs, RunOrigin.NONE).runId();

        RunView cancelled = runs.cancel("alice", runId);

        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.finishedAt()).isNotNull();
        assertThat(cancelled.nodes()).extracting(RunView.NodeView::status).containsOnly(NodeStatus.SKIPPED);
    }

    @Test
    void anotherUserCannotSeeARun() throws IOException {
        BlobRef photo = storeJpeg(64, 64, Color.RED);
        String runId = runs.start("alice", resizeGraph(32, 32, 90), Map.of("photo", photo.hash())).id();

        assertThatThrownBy(() -> runs.find("mallory", runId)).isInstanceOf(RunNotFoundException.class);
    }

    private static Graph resizeGraph(int width, int height, int quality) {
        return new Graph(List.of(
                new GraphNode("load", "LoadImage", 1, Map.of()),
                new GraphNode("resize", "Resize", 1, Map.of("width", width, "height", height, "mode", "fill")),
                new GraphNode("encode", "Encode", 1, Map.of("format", "jpeg", "quality", quality)),
                new GraphNode("save", "SaveToLibrary", 1, Map.of("name", "result"))),
                List.of(new Edge("load.image", "resize.image"), new Edge("resize.image", "encode.image"),
                        new Edge("encode.image", "save.image")),
                List.of(new GraphInput("photo", "load", "blob", "the photo")));
    }

    private BlobRef storeJpeg(int width, int height, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width / 4, height / 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return blobs.put(out.toByteArray(), "image/jpeg");
    }
}
