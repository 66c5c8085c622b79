package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeActivities;
import com.imagestudio.flow.activities.run.NodeInvocation;
import com.imagestudio.flow.activities.run.NodeResult;
import com.imagestudio.flow.catalog.schema.NodeKind;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.ArgumentMatcher;
import org.mockito.InOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static com.imagestudio.flow.engine.run.WorkflowTestPlans.RUN_ID;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.awaitOrFail;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.fed;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.image;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.node;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.output;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.result;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

/**
 * The graph run workflow on Temporal's time-skipping test server, with its node and recorder
 * activities mocked: how nodes are scheduled, what they receive, how failures, retries and
 * cancellation end the run, and what the recorder is told.
 */
class GraphRunWorkflowTest {

    @RegisterExtension
    static final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(GraphRunWorkflowImpl.class)
            .setDoNotStart(true)
            .build();

    private final NodeActivities nodes = mock(NodeActivities.class, withSettings().withoutAnnotations());
    private final RunRecorderActivities recorder = mock(RunRecorderActivities.class, withSettings().withoutAnnotations());
    private final PreflightActivities preflight = mock(PreflightActivities.class, withSettings().withoutAnnotations());

    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void startWorker(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        // one registration serves both the node activities and the recorder's local activities
        worker.registerActivitiesImplementations(nodes, recorder, preflight);
        env.start();
        this.client = client;
        this.options = options.toBuilder().setWorkflowId(RUN_ID).build();
    }

    @Test
    void aLinearPlanRunsEachNodeOnThePreviousNodesOutputAndReturnsOnlyTheOutputNodes() {
        // given load -> resize -> save, where only save is an output node
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                node("resize", NodeKind.LOCAL, Map.of("image", fed("load", "image"))),
                output("save", Map.of("image", fed("resize", "image"))));
        PortValue loaded = image('a');
        PortValue resized = image('b');
        PortValue saved = image('c');
        doReturn(result("image", loaded)).when(nodes).runNode(argThat(isNode("load")));
        doReturn(result("image", resized)).when(nodes).runNode(argThat(isNode("resize")));
        doReturn(result("image", saved)).when(nodes).runNode(argThat(isNode("save")));

        // when
        RunOutcome outcome = workflow().run(new RunRequest(RUN_ID, plan));

        // then
        ArgumentCaptor<NodeInvocation> invocations = ArgumentCaptor.forClass(NodeInvocation.class);
        verify(nodes, times(3)).runNode(invocations.capture());
        assertThat(invocations.getAllValues())
                .extracting(NodeInvocation::nodeId, NodeInvocation::inputs)
                .containsExactly(
                        tuple("load", Map.of()),
                        tuple("resize", Map.of("image", loaded)),
                        tuple("save", Map.of("image", resized)));
        assertThat(invocations.getAllValues()).allSatisfy(invocation -> {
            assertThat(invocation.runId()).isEqualTo(RUN_ID);
            assertThat(invocation.type()).isEqualTo("Type-" + invocation.nodeId());
            assertThat(invocation.version()).isEqualTo(1);
            assertThat(invocation.params()).containsEntry("label", invocation.nodeId());
        });
        assertThat(outcome.outputs()).isEqualTo(Map.of("save", Map.of("image", saved)));
    }

    @Test
    void aRunThePreflightRefusesFailsBeforeAnyNodeRunsWithTheRefusalsTypeAndMessage() {
        // given a pre-flight that finds too few credits
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                output("save", Map.of("image", fed("load", "image"))));
        doThrow(ApplicationFailure.newNonRetryableFailure("insufficient credits: need 30, have 10", "InsufficientCredits"))
                .when(preflight).reserveCredits(RUN_ID);

        // when / then
        assertThatThrownBy(() -> workflow().run(new RunRequest(RUN_ID, plan)))
                .isInstanceOf(WorkflowFailedException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("InsufficientCredits");
                    assertThat(failure.getOriginalMessage()).isEqualTo("insufficient credits: need 30, have 10");
                });
        verify(nodes, never()).runNode(any());
        verify(recorder, never()).runStarted(anyString());
        verify(recorder).nodesSkipped(RUN_ID, List.of("load", "save"));
        verify(recorder).runFinished(RUN_ID, RunStatus.FAILED, Map.of(), "insufficient credits: need 30, have 10");
    }

    @Test
    void independentBranchesRunInParallelAndTheJoinReceivesBothResults() {
        // given two branches that each wait until the other has started, then a join
        ExecutionPlan plan = plan(
                node("left", NodeKind.LOCAL, Map.of()),
                node("right", NodeKind.PROVIDER, Map.of()),
                output("join", Map.of("base", fed("left", "image"), "overlay", fed("right", "image"))));
        CountDownLatch leftStarted = new CountDownLatch(1);
        CountDownLatch rightStarted = new CountDownLatch(1);
        PortValue leftImage = image('1');
        PortValue rightImage = image('2');
        doAnswer(call -> {
            leftStarted.countDown();
            awaitOrFail(rightStarted, "right never started while left was running");
            return result("image", leftImage);
        }).when(nodes).runNode(argThat(isNode("left")));
        doAnswer(call -> {
            rightStarted.countDown();
            awaitOrFail(leftStarted, "left never started while right was running");
            return result("image", rightImage);
        }).when(nodes).runNode(argThat(isNode("right")));
        doReturn(result("image", image('3'))).when(nodes).runNode(argThat(isNode("join")));

        // when
        RunOutcome outcome = workflow().run(new RunRequest(RUN_ID, plan));

        // then: neither branch could have finished unless both were running at once
        ArgumentCaptor<NodeInvocation> invocations = ArgumentCaptor.forClass(NodeInvocation.class);
        verify(nodes, times(3)).runNode(invocations.capture());
        assertThat(invocations.getAllValues()).filteredOn(invocation -> invocation.nodeId().equals("join"))
                .singleElement()
                .satisfies(join -> assertThat(join.inputs()).isEqualTo(Map.of("base", leftImage, "overlay", rightImage)));
        assertThat(outcome.outputs()).containsOnlyKeys("join");
    }

    @Test
    void aBadInputFailureFailsTheRunSkipsItsDependentsAndLetsRunningBranchesFinish() {
        // given crop fails on its input, save depends on it, and sidecar runs beside it
        ExecutionPlan plan = plan(
                node("crop", NodeKind.LOCAL, Map.of()),
                output("save", Map.of("image", fed("crop", "image"))),
                output("sidecar", Map.of()));
        CountDownLatch cropFailureRecorded = new CountDownLatch(1);
        doThrow(ApplicationFailure.newNonRetryableFailure("crop (Crop): the crop lies outside the image", "BadInput"))
                .when(nodes).runNode(argThat(isNode("crop")));
        doAnswer(call -> {
            cropFailureRecorded.countDown();
            return null;
        }).when(recorder).nodeFailed(eq(RUN_ID), eq("crop"), anyString());
        PortValue sidecarImage = image('d');
        doAnswer(call -> {
            // still running when the workflow learns of the failure
            awaitOrFail(cropFailureRecorded, "the crop failure was never recorded");
            return result("image", sidecarImage);
        }).when(nodes).runNode(argThat(isNode("sidecar")));

        // when
        WorkflowStub run = startUntyped(plan);

        // then
        assertThatThrownBy(() -> run.getResult(RunOutcome.class))
                .isInstanceOf(WorkflowFailedException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("BadInput");
                    assertThat(failure.getOriginalMessage()).isEqualTo("crop (Crop): the crop lies outside the image");
                });
        verify(recorder).nodeFailed(RUN_ID, "crop", "crop (Crop): the crop lies outside the image");
        verify(recorder).nodesSkipped(RUN_ID, List.of("save"));
        verify(recorder).nodeSucceeded(RUN_ID, "sidecar", result("image", sidecarImage));
        verify(recorder).runFinished(RUN_ID, RunStatus.FAILED, Map.of(), "crop (Crop): the crop lies outside the image");
        verify(nodes, never()).runNode(argThat(isNode("save")));
    }

    @Test
    void aBadInputFailureIsNeverRetriedWhileAnUnexpectedLocalErrorIsRetriedThreeTimes() {
        // given two independent local nodes: one rejects its input, one keeps crashing
        ExecutionPlan plan = plan(
                node("rejects", NodeKind.LOCAL, Map.of()),
                node("crashes", NodeKind.LOCAL, Map.of()));
        doThrow(ApplicationFailure.newNonRetryableFailure("rejects: not an image", "BadInput"))
                .when(nodes).runNode(argThat(isNode("rejects")));
        doThrow(new RuntimeException("out of native memory"))
                .when(nodes).runNode(argThat(isNode("crashes")));

        // when
        WorkflowStub run = startUntyped(plan);

        // then
        assertThatThrownBy(() -> run.getResult(RunOutcome.class)).isInstanceOf(WorkflowFailedException.class);
        verify(nodes, times(1)).runNode(argThat(isNode("rejects")));
        verify(nodes, times(3)).runNode(argThat(isNode("crashes")));
        verify(recorder).nodeFailed(RUN_ID, "crashes", "out of native memory");
    }

    @Test
    void everyNodeIsScheduledWithAHeartbeatTimeoutSoThatANodeWhoseWorkerDiedRunsAgainSoon() {
        // given a local and a provider node (the activity heartbeats while either works)
        ExecutionPlan plan = plan(
                node("local", NodeKind.LOCAL, Map.of()),
                node("provider", NodeKind.PROVIDER, Map.of()));
        doReturn(result("image", image('d'))).when(nodes).runNode(any());

        // when
        workflow().run(new RunRequest(RUN_ID, plan));

        // then a silent attempt, as on a worker killed mid-node, is given the heartbeat timeout
        // before it runs again elsewhere, not its whole start-to-close timeout
        assertThat(client.fetchHistory(RUN_ID).getEvents().stream()
                .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .map(HistoryEvent::getActivityTaskScheduledEventAttributes))
                .hasSize(2)
                .allSatisfy(scheduled -> {
                    assertThat(javaDuration(scheduled.getHeartbeatTimeout()))
                            .isEqualTo(NodeActivityOptions.HEARTBEAT_TIMEOUT);
                    assertThat(javaDuration(scheduled.getStartToCloseTimeout()))
                            .isGreaterThan(NodeActivityOptions.HEARTBEAT_TIMEOUT);
                });
    }

    @Test
    void theRecorderSeesTheRunStartEachNodeStartAndSucceedAndTheRunSucceedInOrder() {
        // given
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                output("save", Map.of("image", fed("load", "image"))));
        NodeResult loaded = result("image", image('e'));
        NodeResult saved = new NodeResult(Map.of("image", image('f')), true);
        doReturn(loaded).when(nodes).runNode(argThat(isNode("load")));
        doReturn(saved).when(nodes).runNode(argThat(isNode("save")));

        // when
        workflow().run(new RunRequest(RUN_ID, plan));

        // then
        InOrder order = inOrder(recorder);
        order.verify(recorder).runStarted(RUN_ID);
        order.verify(recorder).nodeStarted(RUN_ID, "load");
        order.verify(recorder).nodeSucceeded(RUN_ID, "load", loaded);
        order.verify(recorder).nodeStarted(RUN_ID, "save");
        order.verify(recorder).nodeSucceeded(RUN_ID, "save", saved);
        order.verify(recorder).runFinished(RUN_ID, RunStatus.SUCCEEDED, Map.of("save", saved.outputs()), null);
        order.verifyNoMoreInteractions();
    }

    @Test
    void cancellingTheRunWhileANodeRunsSkipsTheRestAndEndsTheRunCancelled() throws InterruptedException {
        // given a slow node that holds the run until the test lets it go, and a node after it
        ExecutionPlan plan = plan(
                node("slow", NodeKind.PROVIDER, Map.of()),
                output("after", Map.of("image", fed("slow", "image"))));
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        doAnswer(call -> {
            slowStarted.countDown();
            awaitOrFail(releaseSlow, "the test never released the slow node");
            return result("image", image('0'));
        }).when(nodes).runNode(argThat(isNode("slow")));
        WorkflowStub run = startUntyped(plan);
        awaitOrFail(slowStarted, "the slow node never started");

        try {
            // when
            run.cancel();

            // then
            assertThatThrownBy(() -> run.getResult(RunOutcome.class))
                    .isInstanceOf(WorkflowFailedException.class)
                    .cause().isInstanceOf(CanceledFailure.class);
        } finally {
            releaseSlow.countDown();
        }
        verify(recorder).nodeFailed(RUN_ID, "slow", "slow was cancelled");
        verify(recorder).nodesSkipped(RUN_ID, List.of("after"));
        verify(recorder).runFinished(RUN_ID, RunStatus.CANCELLED, Map.of(), "the run was cancelled");
        verify(recorder, never()).runFinished(eq(RUN_ID), eq(RunStatus.FAILED), any(), any());
        verify(nodes, never()).runNode(argThat(isNode("after")));
    }

    private GraphRunWorkflow workflow() {
        return client.newWorkflowStub(GraphRunWorkflow.class, options);
    }

    private WorkflowStub startUntyped(ExecutionPlan plan) {
        GraphRunWorkflow workflow = workflow();
        WorkflowClient.start(workflow::run, new RunRequest(RUN_ID, plan));
        return WorkflowStub.fromTyped(workflow);
    }

    private static Duration javaDuration(com.google.protobuf.Duration duration) {
        return Duration.ofSeconds(duration.getSeconds(), duration.getNanos());
    }

    private static ArgumentMatcher<NodeInvocation> isNode(String nodeId) {
        return invocation -> invocation != null && invocation.nodeId().equals(nodeId);
    }
}
