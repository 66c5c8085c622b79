package com.imagestudio.flow.engine.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.imagestudio.flow.activities.blob.BlobStore;
import com.imagestudio.flow.catalog.graph.Edge;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphInput;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.engine.credits.TestPaidNodes;
import com.imagestudio.flow.engine.run.NodeStatus;
import com.imagestudio.flow.engine.run.RunOrigin;
import com.imagestudio.flow.engine.run.RunService;
import com.imagestudio.flow.engine.run.RunStatus;
import com.imagestudio.flow.engine.run.RunView;
import com.imagestudio.flow.engine.workflows.SavedWorkflow;
import com.imagestudio.flow.engine.workflows.SavedWorkflows;
import com.imagestudio.flow.engine.workflows.WorkflowEdit;
import com.imagestudio.flow.engine.workflows.WorkflowRuns;
import com.imagestudio.flow.engine.workflows.WorkflowTrigger;
import io.temporal.failure.ApplicationFailure;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhooks of real runs (embedded PostgreSQL, in-process Temporal) called on a mock server on
 * localhost, which the test configuration allows ({@code studio.webhooks.allow-private=true}).
 */
@SpringBootTest
class WebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    RunService runs;
    @Autowired
    WebhookSecrets secrets;
    @Autowired
    WebhookActivities webhooks;
    @Autowired
    SavedWorkflows workflows;
    @Autowired
    WorkflowRuns triggers;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebhookDeliveries deliveries;

    MockWebServer receiver;
    String user;
    String secret;
    String photo;

    @BeforeEach
    void receiverAndUser() throws IOException {
        receiver = new MockWebServer();
        receiver.start();
        user = "user-" + UUID.randomUUID();
        secret = secrets.rotate(user).secret();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "png", out);
        photo = blobs.put(out.toByteArray(), "image/png").hash();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aFinishedRunOfAWorkflowCallsItsWebhookWithABodySignedWithTheOwnersSecret() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(204).build());
        SavedWorkflow workflow = workflows.create(user, new WorkflowEdit("hooked", null, chain(), url()));

        RunView run = runs.await(user, triggers.trigger(user, workflow.id(),
                new WorkflowTrigger(Map.of("photo", photo), null, null), null).run().id(), WAIT);
        RecordedRequest call = receiver.takeRequest(30, TimeUnit.SECONDS);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(call).as("the webhook call").isNotNull();
        byte[] body = call.getBody().toByteArray();
        assertThat(call.getHeaders().get("X-Studio-Signature")).isEqualTo("sha256=" + hmac(body, secret));
        assertThat(call.getHeaders().get("X-Studio-Delivery")).isEqualTo("webhook-" + run.id());
        assertThat(Long.parseLong(call.getHeaders().get("X-Studio-Timestamp")))
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
        JsonNode json = JSON.readTree(body);
        assertThat(json.get("runId").asText()).isEqualTo(run.id());
        assertThat(json.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.get("workflowId").asText()).isEqualTo(workflow.id());
        assertThat(json.get("workflowVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/outputs/save/image/blob/hash").asText()).hasSize(64);
        assertThat(json.get("error").isNull()).isTrue();
        assertThat(awaitDelivery(run.id(), "DELIVERED")).containsEntry("status", "DELIVERED").containsEntry("attempts", 1);
    }

    @Test
    void aWebhookThatAnswers500IsCalledAgainAndDeliveredOnce() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(500).build());
        receiver.enqueue(new MockResponse.Builder().code(200).build());

        RunView run = runs.await(user, runs.start(user, RunService.newRunId(), failing(), Map.of("photo", photo),
                new RunOrigin(null, null, null, url())).id(), WAIT);
        RecordedRequest first = receiver.takeRequest(30, TimeUnit.SECONDS);
        RecordedRequest second = receiver.takeRequest(30, TimeUnit.SECONDS);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(second).as("the second attempt").isNotNull();
        assertThat(second.getHeaders().get("X-Studio-Delivery")).isEqualTo(first.getHeaders().get("X-Studio-Delivery"));
        JsonNode json = JSON.readTree(second.getBody().toByteArray());
        assertThat(json.get("status").asText()).isEqualTo("FAILED");
        assertThat(json.get("error").asText()).contains("this node always fails");
        Map<String, Object> delivery = awaitDelivery(run.id(), "DELIVERED");
        assertThat(delivery).containsEntry("attempts", 2).containsEntry("last_status_code", 200);
        assertThat(receiver.takeRequest(3, TimeUnit.SECONDS)).as("no third call").isNull();
    }

    @Test
    void aCancelledRunCallsItsWebhookToo() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        TestPaidNodes.release = new CountDownLatch(1);
        try {
            String runId = runs.start(user, RunService.newRunId(), chain(holdNode()), Map.of("photo", photo),
                    new RunOrigin(null, null, null, url())).id();
            waitUntilRunning(runId, "hold");

            runs.cancel(user, runId);
            RecordedRequest call = receiver.takeRequest(30, TimeUnit.SECONDS);

            assertThat(call).as("the webhook call").isNotNull();
            assertThat(JSON.readTree(call.getBody().toByteArray()).get("status").asText()).isEqualTo("CANCELLED");
        } finally {
            TestPaidNodes.release.countDown();
        }
    }

    @Test
    void anAttemptAnsweredWithAnErrorIsCountedAndAGivenUpDeliveryIsRecordedAsFailedWithoutTouchingTheRun() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(503).build());
        RunView run = runs.await(user, runs.start(user, chain(), Map.of("photo", photo)).id(), WAIT);
        WebhookCall call = WebhookCall.forRun(run.id(), url());

        assertThatThrownBy(() -> webhooks.deliver(call)).isInstanceOfSatisfying(ApplicationFailure.class,
                failure -> assertThat(failure.isNonRetryable()).isFalse());
        webhooks.deliveryFailed(call, "the webhook answered 503");

        assertThat(delivery(run.id())).containsEntry("status", "FAILED").containsEntry("attempts", 1)
                .containsEntry("last_status_code", 503).containsEntry("last_error", "the webhook answered 503");
        assertThat(runs.find(user, run.id()).status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aRotatedSecretReplacesTheOldOne() throws Exception {
        String rotated = secrets.rotate(user).secret();
        receiver.enqueue(new MockResponse.Builder().code(200).build());

        RunView run = runs.await(user, runs.start(user, RunService.newRunId(), chain(), Map.of("photo", photo),
                new RunOrigin(null, null, null, url())).id(), WAIT);
        RecordedRequest call = receiver.takeRequest(30, TimeUnit.SECONDS);

        assertThat(rotated).isNotEqualTo(secret).startsWith("whsec_");
        assertThat(call.getHeaders().get("X-Studio-Signature"))
                .isEqualTo("sha256=" + hmac(call.getBody().toByteArray(), rotated));
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aDeliveryLeftPendingByARestartWithinItsRetryWindowIsDeliveredWhenResumed() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(204).build());
        RunView run = runs.await(user, runs.start(user, chain(), Map.of("photo", photo)).id(), WAIT);
        pendingDelivery(run.id(), java.time.Instant.now());

        List<String> resumed = deliveries.resumePending();
        RecordedRequest call = receiver.takeRequest(30, TimeUnit.SECONDS);

        assertThat(resumed).contains("webhook-" + run.id());
        assertThat(call).as("the webhook call").isNotNull();
        assertThat(call.getHeaders().get("X-Studio-Delivery")).isEqualTo("webhook-" + run.id());
        assertThat(awaitDelivery(run.id(), "DELIVERED")).containsEntry("attempts", 1);
    }

    @Test
    void aDeliveryLeftPendingByARestartPastItsRetryWindowIsFailedWithTheReason() throws Exception {
        RunView run = runs.await(user, runs.start(user, chain(), Map.of("photo", photo)).id(), WAIT);
        pendingDelivery(run.id(), java.time.Instant.now().minus(Duration.ofDays(1)));

        List<String> resumed = deliveries.resumePending();

        assertThat(resumed).doesNotContain("webhook-" + run.id());
        assertThat(delivery(run.id())).containsEntry("status", "FAILED")
                .containsEntry("last_error", "its retry window had passed when the studio restarted");
        assertThat(receiver.getRequestCount()).isZero();
    }

    /** As the table looks when the studio stopped while a delivery was between attempts: its workflow is gone. */
    private void pendingDelivery(String runId, java.time.Instant createdAt) {
        jdbc.sql("""
                        insert into webhook_deliveries (id, run_id, owner_id, url, status, created_at)
                        values (:id, :run, :owner, :url, 'PENDING', :at)""")
                .param("id", "webhook-" + runId).param("run", runId).param("owner", user).param("url", url())
                .param("at", java.sql.Timestamp.from(createdAt)).update();
    }

    private String url() {
        return receiver.url("/hooks/studio").toString();
    }

    private Map<String, Object> delivery(String runId) {
        return jdbc.sql("select status, attempts, last_status_code, last_error from webhook_deliveries where run_id = :run")
                .param("run", runId).query().singleRow();
    }

    private Map<String, Object> awaitDelivery(String runId, String status) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<Map<String, Object>> rows = jdbc.sql("select status, attempts, last_status_code from webhook_deliveries where run_id = :run")
                    .param("run", runId).query().listOfRows();
            if (!rows.isEmpty() && status.equals(rows.get(0).get("status"))) {
                return rows.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the delivery of " + runId + " never became " + status);
    }

    private void waitUntilRunning(String runId, String nodeId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (runs.find(user, runId).nodes().stream().anyMatch(n -> n.id().equals(nodeId) && n.status() == NodeStatus.RUNNING)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(nodeId + " never started");
    }

    private static String hmac(byte[] body, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static GraphNode holdNode() {
        return new GraphNode("hold", "HoldForTests", 1, Map.of("credits", 0, "tag", UUID.randomUUID().toString()));
    }

    private static Graph failing() {
        return chain(new GraphNode("fail", "FailForTests", 1, Map.of("credits", 0, "tag", UUID.randomUUID().toString())));
    }

    /** load -> the given nodes in a line -> save, with the photo as input. */
    private static Graph chain(GraphNode... middle) {
        List<GraphNode> nodes = new java.util.ArrayList<>();
        nodes.add(new GraphNode("load", "LoadImage", 1, Map.of()));
        nodes.addAll(List.of(middle));
        nodes.add(new GraphNode("save", "SaveToLibrary", 1, Map.of()));
        List<Edge> edges = new java.util.ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            edges.add(new Edge(nodes.get(i - 1).id() + ".image", nodes.get(i).id() + ".image"));
        }
        return new Graph(nodes, edges, List.of(new GraphInput("photo", "load", "blob", null)));
    }
}
