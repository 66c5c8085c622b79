package com.imagestudio.flow.engine;

import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.engine.batch.BatchService;
import com.imagestudio.flow.engine.batch.BatchSpec;
import com.imagestudio.flow.engine.batch.BatchView;
import com.imagestudio.flow.engine.credits.Balance;
import com.imagestudio.flow.engine.credits.CreditLedger;
import com.imagestudio.flow.engine.credits.InsufficientCreditsException;
import com.imagestudio.flow.engine.credits.Plan;
import com.imagestudio.flow.engine.credits.TestPaidNodes;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunView;
import com.imagestudio.flow.engine.run.TooManyRunsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-user limits under many requests at once (real threads released together, embedded
 * PostgreSQL, in-process Temporal). Every admitted run holds at a HoldForTests node until the
 * test ends, so nothing admitted finishes and frees its place while the others are counted.
 */
@SpringBootTest
class PerUserLimitsTest {

    private static final int AT_ONCE = 30;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    RunService runs;
    @Autowired
    BatchService batches;
    @Autowired
    CreditLedger ledger;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;

    String user;
    String photo;

    @BeforeEach
    void freshUserAndHeldRuns() throws IOException {
        user = "user-" + UUID.randomUUID();
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        photo = blobs.put(out.toByteArray(), "image/png").hash();
        TestPaidNodes.release = new CountDownLatch(1);
    }

    @AfterEach
    void releaseAndAwaitWhatWasAdmitted() throws InterruptedException {
        TestPaidNodes.release.countDown();
        Instant deadline = Instant.now().plus(WAIT);
        while (inFlightRuns() + unfinishedBatches() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    @Test
    void thirtyRunsStartedTogetherOnTheFreePlanAdmitExactlyOne() throws Exception {
        ledger.openAccount(user, Plan.FREE);

        List<Object> outcomes = together(AT_ONCE, i -> runs.start(user, heldGraph(), Map.of("photo", photo)));

        assertThat(outcomes).filteredOn(RunView.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(TooManyRunsException.class::isInstance).hasSize(AT_ONCE - 1)
                .allSatisfy(e -> assertThat(((Exception) e)).hasMessage(
                        "1 run(s) in progress: the free plan allows 1 at a time; wait for one to end"));
        assertThat(inFlightRuns()).isEqualTo(1);
    }

    @Test
    void runsAndBatchesStartedTogetherOnTheFreePlanAdmitExactlyOneOfThem() throws Exception {
        ledger.openAccount(user, Plan.FREE);

        List<Object> outcomes = together(AT_ONCE, i -> i % 2 == 0
                ? runs.start(user, heldGraph(), Map.of("photo", photo))
                : batches.create(user, heldBatch(null, 1), null));

        assertThat(outcomes).filteredOn(o -> o instanceof RunView || o instanceof BatchView).hasSize(1);
        assertThat(outcomes).filteredOn(TooManyRunsException.class::isInstance).hasSize(AT_ONCE - 1);
        // a batch's row runs are its own: it holds its places (1 here), not one more per row
        assertThat(inFlightRunsOutsideBatches() + unfinishedBatches()).isEqualTo(1);
    }

    @Test
    void batchesStartedTogetherHoldNoMoreRunsAtOnceThanThePlanAllows() throws Exception {
        ledger.openAccount(user, Plan.PRO);

        List<Object> outcomes = together(AT_ONCE, i -> batches.create(user, heldBatch(2, 3), null));

        // 5 runs at once on the pro plan: two batches of 3 rows, 2 at a time, fit; a third would make 6
        assertThat(outcomes).filteredOn(BatchView.class::isInstance).hasSize(2);
        assertThat(outcomes).filteredOn(TooManyRunsException.class::isInstance).hasSize(AT_ONCE - 2)
                .allSatisfy(e -> assertThat(((Exception) e)).hasMessage("4 run(s) in progress, and the batch would run 2"
                        + " at once: the pro plan allows 5 at a time; wait for one to end"));
        assertThat(unfinishedBatches()).isEqualTo(2);
    }

    @Test
    void reservationsMadeTogetherTakeOnlyWhatTheBalanceHolds() throws Exception {
        ledger.openAccount(user, Plan.FREE);

        List<Object> outcomes = together(AT_ONCE, i -> {
            ledger.reserve("run-" + user + "-" + i, user, 30);
            return "reserved";
        });

        // 100 credits: three reservations of 30 fit, a fourth would leave -20
        assertThat(outcomes).filteredOn("reserved"::equals).hasSize(3);
        assertThat(outcomes).filteredOn(InsufficientCreditsException.class::isInstance).hasSize(AT_ONCE - 3)
                .allSatisfy(e -> assertThat(((Exception) e)).hasMessage("insufficient credits: need 30, have 10"));
        assertThat(ledger.balance(user)).isEqualTo(new Balance(Plan.FREE, 100, 90, 10));
    }

    /**
     * Calls {@code start} from {@code n} threads released together by one latch.
     *
     * @return for each call, what it returned or the exception it threw
     */
    private static List<Object> together(int n, IntFunction<Object> start) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int call = i;
                calls.add(threads.submit((Callable<Object>) () -> {
                    ready.countDown();
                    go.await();
                    try {
                        return start.apply(call);
                    } catch (RuntimeException refused) {
                        return refused;
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> call : calls) {
                outcomes.add(call.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    /** load -> a free node that holds until the test releases it (tagged by user: no cached result skips it) -> save. */
    private Graph heldGraph() {
        return new Graph(List.of(
                new GraphNode("load", "LoadImage", 1, Map.of()),
                new GraphNode("hold", "HoldForTests", 1, Map.of("credits", 0, "tag", user)),
                new GraphNode("save", "SaveToLibrary", 1, Map.of())),
                List.of(new Edge("load.image", "hold.image"), new Edge("hold.image", "save.image")),
                List.of(new GraphInput("photo", "load", "blob", null)));
    }

    /** {@code rows} rows of {@link #heldGraph}, {@code concurrency} at once (null for the default). */
    private BatchSpec heldBatch(Integer concurrency, int rows) {
        return new BatchSpec(heldGraph(), Map.of("photo", "image"), Map.of(), concurrency,
                "image\n" + (photo + "\n").repeat(rows));
    }

    private long inFlightRuns() {
        return jdbc.sql("select count(*) from runs where owner_id = :owner and status in ('QUEUED', 'RUNNING')")
                .param("owner", user).query(Long.class).single();
    }

    private long inFlightRunsOutsideBatches() {
        return jdbc.sql("""
                        select count(*) from runs r where owner_id = :owner and status in ('QUEUED', 'RUNNING')
                        and not exists (select 1 from batch_rows b where b.run_id = r.id)""")
                .param("owner", user).query(Long.class).single();
    }

    private long unfinishedBatches() {
        return jdbc.sql("select count(*) from batches where owner_id = :owner and status in ('QUEUED', 'RUNNING')")
                .param("owner", user).query(Long.class).single();
    }
}
