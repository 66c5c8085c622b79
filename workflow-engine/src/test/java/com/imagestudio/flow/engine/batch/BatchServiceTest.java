package com.imagestudio.flow.engine.batch;

import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.engine.credits.CreditLedger;
import com.imagestudio.flow.engine.credits.InsufficientCreditsException;
import com.imagestudio.flow.engine.credits.Plan;
import com.imagestudio.flow.engine.run.NodeStatus;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunStatus;
import com.imagestudio.flow.engine.run.RunView;
import com.imagestudio.flow.engine.workflows.SavedWorkflow;
import com.imagestudio.flow.engine.workflows.SavedWorkflows;
import com.imagestudio.flow.engine.workflows.WorkflowEdit;
import com.imagestudio.flow.engine.workflows.WorkflowNotFoundException;
import io.temporal.client.WorkflowClient;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batches end to end on embedded PostgreSQL and the in-process Temporal server. */
@SpringBootTest
class BatchServiceTest {

    @Autowired
    BatchService batches;
    @Autowired
    BatchResults results;
    @Autowired
    RunService runs;
    @Autowired
    CreditLedger ledger;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkflowClient temporal;
    @Autowired
    SavedWorkflows workflows;

    String user;

    @BeforeEach
    void freshUser() {
        user = "user-" + UUID.randomUUID();
    }

    @Test
    void everyRowRunsWithItsOwnValuesAndTheResultsListEachRowsOutputs() throws Exception {
        String red = png(40, 30, Color.RED);
        String blue = png(50, 20, Color.BLUE);
        String csv = "image,side\n" + red + ",16\n\"" + blue + "\",24\n" + red + ",8\n";

        BatchView batch = awaitEnd(batches.create(user, spec(), csv.getBytes(StandardCharsets.UTF_8), Map.of(), null).id());

        assertThat(batch.status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(batch.progress()).isEqualTo(new BatchView.Progress(0, 0, 3, 0, 0));
        List<BatchRowView> rows = batches.rows(user, batch.id(), null, 100, 0);
        assertThat(rows).extracting(BatchRowView::line).containsExactly(2, 3, 4);
        assertThat(rows).allSatisfy(row -> assertThat(runs.find(user, row.runId()).status()).isEqualTo(RunStatus.SUCCEEDED));
        List<CSVRecord> csvResults = resultsCsv(batch.id());
        assertThat(csvResults).extracting(r -> r.get("line"), r -> r.get("status"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2", "SUCCEEDED"),
                        org.assertj.core.groups.Tuple.tuple("3", "SUCCEEDED"),
                        org.assertj.core.groups.Tuple.tuple("4", "SUCCEEDED"));
        assertThat(csvResults.get(0).get("output_urls")).startsWith("/api/blobs/").contains(csvResults.get(0).get("output_hashes"));
        Map<String, BufferedImage> zip = resultsZip(batch.id());
        assertThat(zip.keySet()).containsExactlyInAnyOrder("line-2-save-image.png", "line-3-save-image.png", "line-4-save-image.png");
        assertThat(zip.get("line-3-save-image.png").getWidth()).isEqualTo(24);
        assertThat(zip.get("line-4-save-image.png").getWidth()).isEqualTo(8);
        assertThat(zip.get("line-4-save-image.png").getRGB(4, 4) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void aBatchWithBadRowsIsRefusedWithTheirLinesAndNothingIsStored() throws Exception {
        String photo = png(10, 10, Color.GREEN);
        String csv = "image,side\n" + photo + ",16\n" + photo + ",-3\nnot-a-hash,16\n";

        assertThatThrownBy(() -> batches.create(user, spec(), csv.getBytes(StandardCharsets.UTF_8), Map.of(), null))
                .isInstanceOfSatisfying(BatchRejectedException.class, e -> {
                    // line 3: -3 is out of range for both width and height
                    assertThat(e.problems()).extracting(RowProblem::line).containsExactly(3, 3, 4);
                    assertThat(e.badRows()).isEqualTo(2);
                });
        assertThat(jdbc.sql("select count(*) from batches where owner_id = :u").param("u", user).query(Integer.class).single())
                .isZero();
    }

    @Test
    void moreRowsThanThePlanAllowsAreRefused() throws Exception {
        ledger.openAccount(user, Plan.FREE);
        String photo = png(10, 10, Color.GREEN);
        StringBuilder csv = new StringBuilder("image,side\n");
        for (int i = 0; i < Plan.FREE.maxBatchRows() + 1; i++) {
            csv.append(photo).append(",8\n");
        }

        assertThatThrownBy(() -> batches.create(user, spec(), csv.toString().getBytes(StandardCharsets.UTF_8), Map.of(), null))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessage("the batch has 11 rows: the free plan allows 10 per batch");
    }

    @Test
    void aBatchWhoseRowsTogetherCostMoreThanTheBalanceIsRefusedUpFront() throws Exception {
        ledger.openAccount(user, Plan.FREE);
        String photo = png(10, 10, Color.GREEN);
        String csv = "image,price\n" + photo + ",30\n" + photo + ",30\n" + photo + ",45\n";

        assertThatThrownBy(() -> batches.create(user, paidSpec(), csv.getBytes(StandardCharsets.UTF_8), Map.of(), null))
                .isInstanceOf(InsufficientCreditsException.class)
                .hasMessage("insufficient credits: need 105, have 100");
    }

    @Test
    void rowsOfABatchRunEvenThoughThePlanAllowsOneRunAtATime() throws Exception {
        ledger.openAccount(user, Plan.FREE);
        String photo = png(10, 10, Color.GREEN);
        String csv = "image,side\n" + photo + ",4\n" + photo + ",5\n" + photo + ",6\n";

        BatchView batch = awaitEnd(batches.create(user, spec(), csv.getBytes(StandardCharsets.UTF_8), Map.of(), null).id());

        assertThat(batch.concurrency()).isEqualTo(1);
        assertThat(batch.status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThatThrownBy(() -> batches.create(user, new BatchSpec(spec().graph(), spec().mapping(), Map.of(), 2, null),
                csv.getBytes(StandardCharsets.UTF_8), Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("concurrency must be 1 to 1 on the free plan, got 2");
    }

    @Test
    void failedRowsRunAgainOnRequestAndTheBatchEndsSucceeded() throws Exception {
        // unique to this test run: the blob folder outlives it
        byte[] late = pngBytes(12, 12, new Color(new java.util.Random().nextInt(0xFFFFFF)));
        String lateHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(late));
        String csv = "image,side\n" + png(10, 10, Color.GREEN) + ",8\n" + lateHash + ",8\n";
        BatchView first = awaitEnd(batches.create(user, spec(), csv.getBytes(StandardCharsets.UTF_8), Map.of(), null).id());
        assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(batches.rows(user, first.id(), BatchRowStatus.FAILED, 10, 0)).singleElement()
                .satisfies(row -> assertThat(row.line()).isEqualTo(3));
        blobs.put(late, "image/png"); // the missing image arrives

        batches.retryFailed(user, first.id());
        BatchView again = awaitEnd(first.id());

        assertThat(again.status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(batches.rows(user, first.id(), null, 10, 0)).extracting(BatchRowView::attempts).containsExactly(1, 2);
    }

    @Test
    void aBatchInterruptedByARestartIsStartedAgainAndNoRowRunsTwice() throws Exception {
        // unique colours: no node result of another test is in the cache
        java.util.Random random = new java.util.Random();
        StringBuilder csv = new StringBuilder("image,side\n");
        for (int side = 8; side < 12; side++) {
            csv.append(png(40, 30, new Color(random.nextInt(0xFFFFFF)))).append(',').append(side).append('\n');
        }
        String batchId = awaitEnd(batches.create(user, spec(), csv.toString().getBytes(StandardCharsets.UTF_8), Map.of(), null).id()).id();
        List<String> runIds = batches.rows(user, batchId, null, 10, 0).stream().map(BatchRowView::runId).toList();
        String done = runIds.get(0);
        String interrupted = runIds.get(1);
        String endedUnrecorded = runIds.get(2);
        // as the database looks when the studio stopped mid-batch, its workflows lost with the
        // in-process server: row 1 done; row 2's run at "encode", nothing kept yet; row 3's run
        // ended but not recorded by the batch; row 4 not started
        jdbc.sql("update batches set status = 'RUNNING', finished_at = null where id = :batch").param("batch", batchId).update();
        jdbc.sql("update batch_rows set status = 'RUNNING' where batch_id = :batch and position in (1, 2)")
                .param("batch", batchId).update();
        jdbc.sql("update runs set status = 'RUNNING', outputs = null, finished_at = null where id = :run")
                .param("run", interrupted).update();
        jdbc.sql("update run_nodes set status = 'RUNNING', outputs = null, finished_at = null where run_id = :run and node_id = 'encode'")
                .param("run", interrupted).update();
        jdbc.sql("""
                        update run_nodes set status = 'PENDING', outputs = null, started_at = null, finished_at = null
                        where run_id = :run and node_id = 'save'""")
                .param("run", interrupted).update();
        jdbc.sql("delete from assets where run_id = :run").param("run", interrupted).update();
        jdbc.sql("update batch_rows set status = 'PENDING', run_id = null, attempts = 0 where batch_id = :batch and position = 3")
                .param("batch", batchId).update();
        jdbc.sql("delete from assets where run_id = :run").param("run", runIds.get(3)).update();
        jdbc.sql("delete from runs where id = :run").param("run", runIds.get(3)).update();

        List<String> resumedRuns = runs.resumeUnfinished();
        List<String> resumedBatches = batches.resumeUnfinished();
        BatchView batch = awaitEnd(batchId);

        assertThat(resumedRuns).as("a batch's runs are left to the batch").doesNotContain(interrupted);
        assertThat(resumedBatches).contains(batchId);
        assertThat(batch.status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(batch.progress()).isEqualTo(new BatchView.Progress(0, 0, 4, 0, 0));
        assertThat(temporal.newUntypedWorkflowStub(batchId).getResult(BatchOutcome.class))
                .as("rows done before the restart count").isEqualTo(new BatchOutcome(BatchStatus.SUCCEEDED, 4, 0));
        List<BatchRowView> rows = batches.rows(user, batchId, null, 10, 0);
        assertThat(rows).extracting(BatchRowView::attempts).containsExactly(1, 1, 1, 1);
        assertThat(rows.subList(0, 3)).extracting(BatchRowView::runId).containsExactly(done, interrupted, endedUnrecorded);
        assertThat(rows.get(3).runId()).isNotNull().isNotIn(runIds);
        assertThat(runs.find(user, interrupted).nodes()).as("the interrupted run resumed, its finished nodes from the cache")
                .allSatisfy(node -> {
                    assertThat(node.status()).isEqualTo(NodeStatus.SUCCEEDED);
                    assertThat(node.cached()).isTrue();
                });
        assertThat(List.of(done, endedUnrecorded)).as("rows that had finished did not run again")
                .allSatisfy(run -> assertThat(runs.find(user, run).nodes()).noneMatch(RunView.NodeView::cached));
        assertThat(jdbc.sql("select run_id from assets where owner_id = :user").param("user", user).query(String.class).list())
                .as("one asset per row")
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(BatchRowView::runId).toList());
    }

    @Test
    void uploadedImagesWithoutACsvAreOneRowEachAndFileNamesBindToTheirHashes() throws Exception {
        Map<String, String> uploads = new java.util.LinkedHashMap<>();
        uploads.put("a.png", png(20, 20, Color.RED));
        uploads.put("b.png", png(30, 30, Color.BLUE));
        BatchSpec spec = new BatchSpec(BatchRowBinderTest.resizeGraph(), Map.of("photo", BatchSpec.FILE_COLUMN),
                Map.of("width", 10), null, null);

        BatchView batch = awaitEnd(batches.create(user, spec, null, uploads, null).id());

        assertThat(batch.status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(batches.rows(user, batch.id(), null, 10, 0)).extracting(r -> r.inputs().get("photo"))
                .containsExactly(uploads.get("a.png"), uploads.get("b.png"));
    }

    @Test
    void anotherUserCannotSeeOrTouchABatch() throws Exception {
        String csv = "image,side\n" + png(10, 10, Color.GREEN) + ",8\n";
        String id = batches.create(user, spec(), csv.getBytes(StandardCharsets.UTF_8), Map.of(), null).id();

        assertThatThrownBy(() -> batches.find("mallory", id)).isInstanceOf(BatchNotFoundException.class);
        assertThatThrownBy(() -> batches.cancel("mallory", id)).isInstanceOf(BatchNotFoundException.class);
        assertThatThrownBy(() -> results.checkOwner("mallory", id)).isInstanceOf(BatchNotFoundException.class);
        awaitEnd(id);
    }

    @Test
    void aBatchThatCannotBeResumedIsFailedWithTheReasonAndTheOthersResume() throws Exception {
        String csv = "image,side\n" + png(20, 20, Color.GREEN) + ",8\n";
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String batchId = awaitEnd(batches.create(user, spec(), csv.getBytes(StandardCharsets.UTF_8), Map.of(), null).id()).id();
            // as the database looks when the studio stopped with the batch's row running
            jdbc.sql("update batches set status = 'RUNNING', finished_at = null where id = :batch").param("batch", batchId).update();
            jdbc.sql("update batch_rows set status = 'RUNNING' where batch_id = :batch").param("batch", batchId).update();
            jdbc.sql("update runs set status = 'RUNNING', finished_at = null where id in (select run_id from batch_rows where batch_id = :batch)")
                    .param("batch", batchId).update();
            ids.add(batchId);
        }
        // the middle batch's run holds a graph this studio can no longer read
        jdbc.sql("update runs set graph = '\"not a graph\"'::jsonb where id in (select run_id from batch_rows where batch_id = :batch)")
                .param("batch", ids.get(1)).update();

        List<String> resumed = batches.resumeUnfinished();

        assertThat(resumed).contains(ids.get(0), ids.get(2)).doesNotContain(ids.get(1));
        assertThat(batches.find(user, ids.get(1)).status()).isEqualTo(BatchStatus.FAILED);
        assertThat(batches.rows(user, ids.get(1), null, 10, 0)).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(BatchRowStatus.FAILED);
            assertThat(row.error()).startsWith("the batch could not be resumed after a restart: ");
        });
        assertThat(awaitEnd(ids.get(0)).status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(awaitEnd(ids.get(2)).status()).isEqualTo(BatchStatus.SUCCEEDED);
    }

    private BatchView awaitEnd(String batchId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        BatchView batch = batches.find(user, batchId);
        while (!batch.status().isFinal() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            batch = batches.find(user, batchId);
        }
        return batch;
    }

    private List<CSVRecord> resultsCsv(String batchId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        results.writeCsv(user, batchId, out);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
    }

    private Map<String, BufferedImage> resultsZip(String batchId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        results.writeZip(user, batchId, out);
        Map<String, BufferedImage> images = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                images.put(entry.getName(), ImageIO.read(new ByteArrayInputStream(zip.readAllBytes())));
            }
        }
        return images;
    }

    @Test
    void aBatchOfASavedWorkflowRunsItsNewestVersionAndEachRowsRunRecordsIt() throws Exception {
        SavedWorkflow saved = workflows.create(user, new WorkflowEdit("squares", null, spec().graph(), null));
        String photo = png(40, 30, Color.RED);
        BatchSpec ofWorkflow = new BatchSpec(saved.id(), null, null, spec().mapping(), Map.of(), null, null);

        BatchView batch = awaitEnd(batches.create(user, ofWorkflow, ("image,side\n" + photo + ",16\n" + photo + ",8\n")
                .getBytes(StandardCharsets.UTF_8), Map.of(), null).id());

        assertThat(batch.status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(batch.workflowId()).isEqualTo(saved.id());
        assertThat(batch.workflowVersion()).isEqualTo(1);
        assertThat(batches.rows(user, batch.id(), null, 100, 0)).hasSize(2).allSatisfy(row -> {
            RunView run = runs.find(user, row.runId());
            assertThat(run.workflowId()).isEqualTo(saved.id());
            assertThat(run.workflowVersion()).isEqualTo(1);
        });
    }

    @Test
    void aBatchOfAnotherUsersWorkflowIsNotFoundAndNothingIsStored() throws Exception {
        SavedWorkflow others = workflows.create("other-" + UUID.randomUUID(), new WorkflowEdit("x", null, spec().graph(), null));
        String csv = "image,side\n" + png(10, 10, Color.GREEN) + ",8\n";

        assertThatThrownBy(() -> batches.create(user, new BatchSpec(others.id(), null, null, spec().mapping(), Map.of(), null, null),
                csv.getBytes(StandardCharsets.UTF_8), Map.of(), null))
                .isInstanceOf(WorkflowNotFoundException.class);
        assertThat(jdbc.sql("select count(*) from batches where owner_id = :u").param("u", user).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aBatchNamingBothAWorkflowAndAGraphIsRefused() {
        BatchSpec both = new BatchSpec("workflow-1", null, spec().graph(), spec().mapping(), Map.of(), null, null);

        assertThatThrownBy(() -> batches.prepare(user, both, "image,side\n".getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give only one");
    }

    /** load -> resize to side x side (fill) -> encode PNG -> save, with inputs photo and side. */
    static BatchSpec spec() {
        Graph graph = new Graph(List.of(
                new GraphNode("load", "LoadImage", 1, Map.of()),
                new GraphNode("resize", "Resize", 1, Map.of("mode", "fill")),
                new GraphNode("encode", "Encode", 1, Map.of("format", "png")),
                new GraphNode("save", "SaveToLibrary", 1, Map.of())),
                List.of(new Edge("load.image", "resize.image"), new Edge("resize.image", "encode.image"),
                        new Edge("encode.image", "save.image")),
                List.of(new GraphInput("photo", "load", "blob", null), new GraphInput("width", "resize", "width", null),
                        new GraphInput("height", "resize", "height", null)));
        return new BatchSpec(graph, Map.of("photo", "image", "width", "side", "height", "side"), Map.of(), null, null);
    }

    private static BatchSpec paidSpec() {
        Graph graph = new Graph(List.of(
                new GraphNode("load", "LoadImage", 1, Map.of()),
                new GraphNode("paid", "PaidStampForTests", 1, Map.of()),
                new GraphNode("save", "SaveToLibrary", 1, Map.of())),
                List.of(new Edge("load.image", "paid.image"), new Edge("paid.image", "save.image")),
                List.of(new GraphInput("photo", "load", "blob", null), new GraphInput("price", "paid", "credits", null)));
        return new BatchSpec(graph, Map.of("photo", "image", "price", "price"), Map.of(), null, null);
    }

    private String png(int width, int height, Color color) throws IOException {
        return blobs.put(pngBytes(width, height, color), "image/png").hash();
    }

    private static byte[] pngBytes(int width, int height, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
