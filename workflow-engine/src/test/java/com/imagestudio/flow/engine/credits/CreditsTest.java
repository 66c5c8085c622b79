package com.imagestudio.flow.engine.credits;

import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.engine.run.NodeStatus;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunStatus;
import com.imagestudio.flow.engine.run.RunView;
import com.imagestudio.flow.engine.run.TooManyRunsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Credit pre-flight, charges and releases on real runs (embedded PostgreSQL, in-process
 * Temporal), for a user on the free plan: 100 credits, one run at a time, no video.
 */
@SpringBootTest
class CreditsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    RunService runs;
    @Autowired
    CreditLedger ledger;
    @Autowired
    BlobStore blobs;

    String user;
    String photo;

    @BeforeEach
    void freeUserWithAPhoto() throws IOException {
        user = "user-" + UUID.randomUUID();
        ledger.openAccount(user, Plan.FREE);
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        photo = blobs.put(out.toByteArray(), "image/png").hash();
    }

    @Test
    void aRunThatCostsMoreThanTheBalanceIsRefusedBeforeAnyNodeRuns() {
        String tag = tag();

        RunView run = run(chain(node("paid", "PaidStampForTests", 150, tag)));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("insufficient credits: need 150, have 100");
        assertThat(run.nodes()).extracting(RunView.NodeView::status).containsOnly(NodeStatus.SKIPPED);
        assertThat(TestPaidNodes.EXECUTIONS).doesNotContainKey(tag);
        assertThat(ledger.entries(user, 100, 0)).extracting(LedgerEntry::kind).containsExactly("GRANT");
        assertThat(ledger.balance(user)).isEqualTo(new Balance(Plan.FREE, 100, 0, 100));
    }

    @Test
    void aRunUsingANodeOutsideThePlanIsRefusedSayingWhichNode() {
        RunView run = run(chain(node("clip", "VideoStampForTests", 0, tag())));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("node \"clip\" (VideoStampForTests, Video) is not in the free plan");
    }

    @Test
    void eachFinishedNodeIsChargedItsCostAndNothingIsLeftReserved() {
        RunView run = run(chain(node("a", "PaidStampForTests", 20, tag()), node("b", "PaidStampForTests", 30, tag())));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ledger.entries(user, 100, 0)).extracting(LedgerEntry::kind, LedgerEntry::amount, LedgerEntry::nodeId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CHARGE", 30, "b"),
                        org.assertj.core.groups.Tuple.tuple("CHARGE", 20, "a"),
                        org.assertj.core.groups.Tuple.tuple("RESERVE", 50, null),
                        org.assertj.core.groups.Tuple.tuple("GRANT", 100, null));
        assertThat(ledger.balance(user)).isEqualTo(new Balance(Plan.FREE, 50, 0, 50));
    }

    @Test
    void aNodeWhoseResultComesFromTheCacheCostsNothingAndItsReservationIsReleased() {
        Graph graph = chain(node("a", "PaidStampForTests", 20, tag()));
        run(graph);

        RunView again = run(graph);

        assertThat(again.nodes()).allMatch(RunView.NodeView::cached);
        assertThat(ledger.balance(user)).isEqualTo(new Balance(Plan.FREE, 80, 0, 80));
        assertThat(ledger.entries(user, 1, 0)).extracting(LedgerEntry::kind, LedgerEntry::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RELEASE", 20));
    }

    @Test
    void aFailedRunIsChargedForWhatRanAndTheRestOfItsReservationIsReleased() {
        // load -> paid(40) -> save   and   load -> fail -> paid(25) -> save2
        Graph graph = new Graph(
                List.of(load(), node("paid", "PaidStampForTests", 40, tag()), save("save"),
                        node("fail", "FailForTests", 0, tag()), node("after", "PaidStampForTests", 25, tag()), save("save2")),
                List.of(new Edge("load.image", "paid.image"), new Edge("paid.image", "save.image"),
                        new Edge("load.image", "fail.image"), new Edge("fail.image", "after.image"),
                        new Edge("after.image", "save2.image")),
                List.of(new GraphInput("photo", "load", "blob", null)));

        RunView run = run(graph);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("this node always fails");
        assertThat(ledger.balance(user)).isEqualTo(new Balance(Plan.FREE, 60, 0, 60));
    }

    @Test
    void aCancelledRunGivesBackItsWholeReservation() throws Exception {
        TestPaidNodes.release = new CountDownLatch(1);
        try {
            String runId = runs.start(user, chain(node("hold", "HoldForTests", 30, tag())), Map.of("photo", photo)).id();
            waitUntilRunning(runId, "hold");

            runs.cancel(user, runId);
            RunView run = runs.await(user, runId, WAIT);

            assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(ledger.balance(user)).isEqualTo(new Balance(Plan.FREE, 100, 0, 100));
        } finally {
            TestPaidNodes.release.countDown();
        }
    }

    @Test
    void aSecondRunWhileOneIsInProgressIsRefusedOnTheFreePlan() throws Exception {
        TestPaidNodes.release = new CountDownLatch(1);
        try {
            String first = runs.start(user, chain(node("hold", "HoldForTests", 0, tag())), Map.of("photo", photo)).id();
            waitUntilRunning(first, "hold");

            assertThatThrownBy(() -> runs.start(user, chain(node("a", "PaidStampForTests", 0, tag())), Map.of("photo", photo)))
                    .isInstanceOf(TooManyRunsException.class)
                    .hasMessageContaining("the free plan allows 1 at a time");
        } finally {
            TestPaidNodes.release.countDown();
        }
    }

    @Test
    void chargingOrReservingTwiceForTheSameRunAndNodeMovesCreditsOnce() {
        ledger.reserve("run-twice", user, 30);
        ledger.reserve("run-twice", user, 30);
        ledger.charge("run-twice", user, "n", "PaidStampForTests", 30);
        ledger.charge("run-twice", user, "n", "PaidStampForTests", 30);
        ledger.release("run-twice", user);

        assertThat(ledger.entries(user, 100, 0)).extracting(LedgerEntry::kind)
                .containsExactly("CHARGE", "RESERVE", "GRANT");
        assertThat(ledger.balance(user)).isEqualTo(new Balance(Plan.FREE, 70, 0, 70));
    }

    @Test
    void afterAMixOfRunsTheBalanceIsGrantsMinusChargesAndNothingStaysReserved() {
        ledger.grant(user, 200, "purchase-1", "a purchase");
        run(chain(node("a", "PaidStampForTests", 35, tag())));                       // succeeds
        run(chain(node("b", "PaidStampForTests", 500, tag())));                      // refused
        run(chain(node("c", "PaidStampForTests", 15, tag()), node("f", "FailForTests", 0, tag()),
                node("d", "PaidStampForTests", 60, tag())));                          // fails after c

        List<LedgerEntry> entries = ledger.entries(user, 1000, 0);
        int grants = sum(entries, "GRANT");
        int charges = sum(entries, "CHARGE");
        assertThat(grants).isEqualTo(300);
        assertThat(charges).isEqualTo(35 + 15);
        assertThat(ledger.balance(user)).isEqualTo(new Balance(Plan.FREE, grants - charges, 0, grants - charges));
    }

    private RunView run(Graph graph) {
        return runs.await(user, runs.start(user, graph, Map.of("photo", photo)).id(), WAIT);
    }

    private void waitUntilRunning(String runId, String nodeId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            boolean running = runs.find(user, runId).nodes().stream()
                    .anyMatch(n -> n.id().equals(nodeId) && n.status() == NodeStatus.RUNNING);
            if (running) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(nodeId + " never started");
    }

    /** load -> the given nodes in a line -> save. */
    private static Graph chain(GraphNode... middle) {
        List<GraphNode> nodes = new ArrayList<>(List.of(load()));
        nodes.addAll(List.of(middle));
        nodes.add(save("save"));
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            edges.add(new Edge(nodes.get(i - 1).id() + ".image", nodes.get(i).id() + ".image"));
        }
        return new Graph(nodes, edges, List.of(new GraphInput("photo", "load", "blob", null)));
    }

    private static GraphNode load() {
        return new GraphNode("load", "LoadImage", 1, Map.of());
    }

    private static GraphNode save(String id) {
        return new GraphNode(id, "SaveToLibrary", 1, Map.of());
    }

    private static GraphNode node(String id, String type, int credits, String tag) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("credits", credits);
        params.put("tag", tag);
        return new GraphNode(id, type, 1, params);
    }

    private static String tag() {
        return UUID.randomUUID().toString();
    }

    private static int sum(List<LedgerEntry> entries, String kind) {
        return entries.stream().filter(e -> e.kind().equals(kind)).mapToInt(LedgerEntry::amount).sum();
    }
}
