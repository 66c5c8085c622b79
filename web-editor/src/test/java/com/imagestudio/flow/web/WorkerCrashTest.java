package com.imagestudio.flow.web;

import com.imagestudio.flow.engine.batch.BatchRowStatus;
import com.imagestudio.flow.engine.batch.BatchRowView;
import com.imagestudio.flow.engine.batch.BatchStatus;
import com.imagestudio.flow.engine.batch.BatchView;
import com.imagestudio.flow.engine.credits.Balance;
import com.imagestudio.flow.engine.users.ApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash test of the production shape (see {@link SeparateProcessDeployment}): a batch runs on
 * a worker process that is killed with SIGKILL mid-batch, and a new worker process finishes it.
 * Every row succeeds with one run, every paid node is charged once, every row keeps one asset.
 * <p>
 * The kill lands mid-batch by construction, not by timing: the first rows pass a gate node freely,
 * the others hold at it until the test creates the gate's file, which it does only after the kill.
 */
class WorkerCrashTest {

    private static final int ROWS = 12;
    private static final int CONCURRENCY = 3;
    /** Rows whose gate is open from the start; the next {@link #CONCURRENCY} rows hold at theirs. */
    private static final int OPEN_ROWS = 4;
    private static final int PRICE = 3;

    /** load -> resize to side x side -> paid (PRICE credits) -> gate -> save; each row has its own side. */
    private static final String GRAPH = """
            {"nodes": [
               {"id": "load",   "type": "LoadImage"},
               {"id": "resize", "type": "Resize", "params": {"mode": "fill"}},
               {"id": "paid",   "type": "PaidPassThroughForTests", "params": {"credits": %d}},
               {"id": "gate",   "type": "GateForTests"},
               {"id": "save",   "type": "SaveToLibrary", "params": {"name": "crash"}}],
             "edges": [{"from": "load.image", "to": "resize.image"}, {"from": "resize.image", "to": "paid.image"},
                       {"from": "paid.image", "to": "gate.image"}, {"from": "gate.image", "to": "save.image"}],
             "inputs": [{"name": "photo", "node": "load", "param": "blob"},
                        {"name": "width", "node": "resize", "param": "width"},
                        {"name": "height", "node": "resize", "param": "height"},
                        {"name": "gate", "node": "gate", "param": "file"}]}
            """.formatted(PRICE);

    @RegisterExtension
    static final SeparateProcessDeployment deployment = new SeparateProcessDeployment();

    @TempDir
    Path folder;

    @Test
    void aBatchWhoseWorkerIsKilledMidBatchEndsOnANewWorkerWithEveryRowDoneAndChargedOnce() throws Exception {
        String user = "crash-" + UUID.randomUUID();
        RestClient http = deployment.http(deployment.web().getBean(ApiKeys.class).create(user, "crash test").secret());
        String photo = SeparateProcessDeployment.upload(http, TestPhotos.jpeg(200, 150));
        Path gate = folder.resolve("gate");
        Instant begin = Instant.now();
        SeparateProcessDeployment.Worker first = deployment.startWorker("worker-1");
        String batchId = startBatch(http, photo, gate);

        // given the open rows done and the next rows held at the gate, on the first worker
        BatchView beforeKill = await(http, batchId, Duration.ofMinutes(3),
                batch -> batch.progress().succeeded() == OPEN_ROWS && batch.progress().running() == CONCURRENCY
                        && heldAtTheGate(http, batchId) == CONCURRENCY,
                first);
        first.kill();
        Instant killed = Instant.now();
        Files.createFile(gate);

        // then nothing moves while no worker is alive, though the gate is open: a standstill can
        // only be watched for a while, so it is watched for a few seconds
        assertThat(first.process().isAlive()).isFalse();
        for (Instant until = Instant.now().plusSeconds(3); Instant.now().isBefore(until); Thread.sleep(200)) {
            assertThat(batch(http, batchId).progress()).isEqualTo(beforeKill.progress());
        }

        Instant restarted = Instant.now();
        SeparateProcessDeployment.Worker second = deployment.startWorker("worker-2");
        BatchView done = await(http, batchId, Duration.ofMinutes(4), batch -> batch.status().isFinal(), second);

        System.out.printf("crash test: %d rows, %d done and %d held at the gate when the worker was killed %d ms after "
                        + "it started; the batch ended %d ms after the kill, %d ms after the second worker started%n",
                ROWS, beforeKill.progress().done(), beforeKill.progress().running(),
                Duration.between(begin, killed).toMillis(), Duration.between(killed, Instant.now()).toMillis(),
                Duration.between(restarted, Instant.now()).toMillis());
        assertThat(done.status()).as(() -> "batch status; second worker log:\n" + second.tail()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(done.progress()).isEqualTo(new BatchView.Progress(0, 0, ROWS, 0, 0));
        List<BatchRowView> rows = http.get().uri("/api/batches/" + batchId + "/rows").retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        assertThat(rows).hasSize(ROWS).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(BatchRowStatus.SUCCEEDED);
            assertThat(row.attempts()).as("line %d ran once", row.line()).isEqualTo(1);
        });
        Set<String> rowRuns = rows.stream().map(BatchRowView::runId).collect(Collectors.toSet());
        assertThat(rowRuns).hasSize(ROWS);

        JdbcClient jdbc = deployment.web().getBean(JdbcClient.class);
        assertThat(jdbc.sql("select id, status from runs where owner_id = :user").param("user", user)
                .query((rs, i) -> Map.entry(rs.getString("id"), rs.getString("status"))).list())
                .as("one run per row, and it succeeded")
                .containsExactlyInAnyOrderElementsOf(rowRuns.stream().map(run -> Map.entry(run, "SUCCEEDED")).toList());
        List<Charge> charges = jdbc.sql("""
                        select run_id, node_id, count(*) as entries, sum(amount) as credits from credit_ledger
                        where user_id = :user and kind = 'CHARGE' group by run_id, node_id""")
                .param("user", user)
                .query((rs, i) -> new Charge(rs.getString("run_id"), rs.getString("node_id"), rs.getInt("entries"),
                        rs.getInt("credits")))
                .list();
        assertThat(charges).as("one charge per run for its paid node").hasSize(ROWS)
                .allSatisfy(charge -> assertThat(charge).isEqualTo(new Charge(charge.run(), "paid", 1, PRICE)));
        assertThat(charges).extracting(Charge::run).containsExactlyInAnyOrderElementsOf(rowRuns);
        int granted = jdbc.sql("select coalesce(sum(amount), 0) from credit_ledger where user_id = :user and kind = 'GRANT'")
                .param("user", user).query(Integer.class).single();
        Balance balance = http.get().uri("/api/credits").retrieve().body(Credits.class).balance();
        assertThat(balance.balance()).as("grants - charges").isEqualTo(granted - ROWS * PRICE);
        assertThat(balance.reserved()).as("every reservation released").isZero();
        assertThat(balance.available()).isEqualTo(balance.balance());
        assertThat(jdbc.sql("select run_id, count(*) from assets where owner_id = :user and run_id is not null group by run_id")
                .param("user", user).query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list())
                .as("one asset per row's run, no duplicates")
                .containsExactlyInAnyOrderElementsOf(rowRuns.stream().map(run -> Map.entry(run, 1)).toList());
        assertThat(jdbc.sql("select count(distinct blob_hash) from assets where owner_id = :user and run_id is not null")
                .param("user", user).query(Integer.class).single())
                .as("every row made its own image").isEqualTo(ROWS);
    }

    /** A batch of ROWS rows, each its own size; rows after the first OPEN_ROWS wait at {@code gate}. */
    private static String startBatch(RestClient http, String photo, Path gate) {
        StringBuilder csv = new StringBuilder("image,side,gate\\n");
        for (int row = 0; row < ROWS; row++) {
            csv.append(photo).append(',').append(16 + row).append(',').append(row < OPEN_ROWS ? "" : gate).append("\\n");
        }
        String request = """
                {"graph": %s, "concurrency": %d, "csv": "%s",
                 "mapping": {"photo": "image", "width": "side", "height": "side", "gate": "gate"}}"""
                .formatted(GRAPH, CONCURRENCY, csv);
        BatchView created = http.post().uri("/api/batches").contentType(MediaType.APPLICATION_JSON)
                .body(request).retrieve().body(BatchView.class);
        assertThat(created.totalRows()).isEqualTo(ROWS);
        return created.id();
    }

    /** How many running rows have reached the gate. */
    private static long heldAtTheGate(RestClient http, String batchId) {
        List<BatchRowView> running = http.get().uri("/api/batches/" + batchId + "/rows?status=RUNNING").retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        return running.stream()
                .map(row -> http.get().uri("/api/runs/" + row.runId()).retrieve().body(StudioApiTest.Run.class))
                .filter(run -> run.nodes().stream().anyMatch(node -> node.id().equals("gate") && node.status().equals("RUNNING")))
                .count();
    }

    private static BatchView batch(RestClient http, String batchId) {
        return http.get().uri("/api/batches/" + batchId).retrieve().body(BatchView.class);
    }

    private static BatchView await(RestClient http, String batchId, Duration timeout, Predicate<BatchView> condition,
                                   SeparateProcessDeployment.Worker worker) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        BatchView batch = batch(http, batchId);
        while (!condition.test(batch)) {
            assertThat(Instant.now()).as(() -> "the batch stayed at " + batch(http, batchId).progress() + " for " + timeout
                    + "; worker log:\n" + worker.tail()).isBefore(deadline);
            Thread.sleep(200);
            batch = batch(http, batchId);
        }
        return batch;
    }

    record Charge(String run, String node, int entries, int credits) {
    }

    record Credits(Balance balance) {
    }
}
