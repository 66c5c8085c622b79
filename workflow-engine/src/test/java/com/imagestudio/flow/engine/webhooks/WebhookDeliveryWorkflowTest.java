package com.imagestudio.flow.engine.webhooks;

import com.imagestudio.flow.activities.blob.BlobRef;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.ChainResult;
import com.imagestudio.flow.activities.run.FusedChain;
import com.imagestudio.flow.activities.run.NodeActivities;
import com.imagestudio.flow.activities.run.NodeResult;
import com.imagestudio.flow.activities.run.StepResult;
import com.imagestudio.flow.catalog.graph.PortRef;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.PortType;
import com.imagestudio.flow.engine.run.ExecutionPlan;
import com.imagestudio.flow.engine.run.GraphRunWorkflow;
import com.imagestudio.flow.engine.run.GraphRunWorkflowImpl;
import com.imagestudio.flow.engine.run.PlannedNode;
import com.imagestudio.flow.engine.run.PreflightActivities;
import com.imagestudio.flow.engine.run.RunRecorderActivities;
import com.imagestudio.flow.engine.run.RunRequest;
import com.imagestudio.flow.engine.run.RunStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/**
 * The webhook delivery workflow and how a graph run starts it, on Temporal's time-skipping test
 * server (ten attempts with backoff take no real time) with mocked activities.
 */
class WebhookDeliveryWorkflowTest {

    private static final String URL = "https://hooks.example.com/studio";

    @RegisterExtension
    static final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(WebhookDeliveryWorkflowImpl.class, GraphRunWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final WebhookActivities webhooks = mock(WebhookActivities.class, withSettings().withoutAnnotations());
    private final NodeActivities nodes = mock(NodeActivities.class, withSettings().withoutAnnotations());
    private final RunRecorderActivities recorder = mock(RunRecorderActivities.class, withSettings().withoutAnnotations());
    private final PreflightActivities preflight = mock(PreflightActivities.class, withSettings().withoutAnnotations());

    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void startWorker(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        worker.registerActivitiesImplementations(webhooks, nodes, recorder, preflight);
        env.start();
        this.client = client;
        this.options = options;
    }

    @Test
    void aReceiverThatNeverAnswers2xxIsCalledTenTimesThenTheDeliveryIsRecordedAsFailed() {
        WebhookCall call = WebhookCall.forRun("run-1", URL);
        doThrow(ApplicationFailure.newFailure("the webhook answered 503", "WebhookRefused")).when(webhooks).deliver(call);

        delivery("webhook-run-1").deliver(call);

        verify(webhooks, times(10)).deliver(call);
        verify(webhooks).deliveryFailed(call, "the webhook answered 503");
    }

    @Test
    void aCallNoRetryCanHelpIsTriedOnce() {
        WebhookCall call = WebhookCall.forRun("run-2", URL);
        doThrow(ApplicationFailure.newNonRetryableFailure("webhook URL points to a private address", WebhookActivities.NOT_DELIVERABLE))
                .when(webhooks).deliver(call);

        delivery("webhook-run-2").deliver(call);

        verify(webhooks, times(1)).deliver(call);
        verify(webhooks).deliveryFailed(call, "webhook URL points to a private address");
    }

    @Test
    void aDeliveredCallIsNotRecordedAsFailed() {
        WebhookCall call = WebhookCall.forRun("run-3", URL);

        delivery("webhook-run-3").deliver(call);

        verify(webhooks).deliver(call);
        verify(webhooks, never()).deliveryFailed(any(), any());
    }

    @Test
    void aRunWithAWebhookHandsItToADeliveryThatOutlivesTheRunOnceTheRunIsRecorded() {
        answerEveryStepWith(new BlobRef("a".repeat(64), "image/png", 10, 2, 2));
        // the receiver is down for a long time: the run must not wait for it
        doThrow(ApplicationFailure.newFailure("the webhook answered 503", "WebhookRefused"))
                .when(webhooks).deliver(any());
        GraphRunWorkflow run = client.newWorkflowStub(GraphRunWorkflow.class,
                options.toBuilder().setWorkflowId("run-4").build());

        run.run(new RunRequest("run-4", plan(), URL));

        WorkflowStub child = client.newUntypedWorkflowStub("webhook-run-4");
        child.getResult(Void.class);
        InOrder order = inOrder(recorder, webhooks);
        order.verify(recorder).runFinished(eq("run-4"), eq(RunStatus.SUCCEEDED), anyMap(), isNull());
        order.verify(webhooks, atLeastOnce()).deliver(WebhookCall.forRun("run-4", URL));
        verify(webhooks, times(10)).deliver(WebhookCall.forRun("run-4", URL));
        verify(webhooks).deliveryFailed(WebhookCall.forRun("run-4", URL), "the webhook answered 503");
    }

    @Test
    void aRunWithoutAWebhookStartsNoDelivery() {
        answerEveryStepWith(new BlobRef("b".repeat(64), "image/png", 10, 2, 2));
        GraphRunWorkflow run = client.newWorkflowStub(GraphRunWorkflow.class,
                options.toBuilder().setWorkflowId("run-5").build());

        run.run(new RunRequest("run-5", plan()));

        verify(webhooks, never()).deliver(any());
        assertThat(client.fetchHistory("run-5").getEvents()).noneMatch(e -> e.hasStartChildWorkflowExecutionInitiatedEventAttributes());
    }

    /** Every node of a run gives this image. */
    private void answerEveryStepWith(BlobRef image) {
        NodeResult result = new NodeResult(Map.of("image", PortValue.media(PortType.IMAGE, image)), false);
        when(nodes.runChain(any())).thenAnswer(call -> new ChainResult(((FusedChain) call.getArgument(0)).steps().stream()
                .map(step -> new StepResult(step.nodeId(), result, true, Instant.EPOCH, Instant.EPOCH)).toList()));
    }

    private WebhookDeliveryWorkflow delivery(String id) {
        return client.newWorkflowStub(WebhookDeliveryWorkflow.class, options.toBuilder().setWorkflowId(id).build());
    }

    private static ExecutionPlan plan() {
        return new ExecutionPlan(List.of(
                new PlannedNode("load", "LoadImage", 1, NodeKind.LOCAL, false, Map.of(), Map.of(), false),
                new PlannedNode("save", "SaveToLibrary", 1, NodeKind.LOCAL, true, Map.of(),
                        Map.of("image", new PortRef("load", "image")), false)));
    }
}
