package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.ChainResult;
import com.imagestudio.flow.activities.run.ChainStep;
import com.imagestudio.flow.activities.run.FusedChain;
import com.imagestudio.flow.activities.run.NodeActivities;
import com.imagestudio.flow.activities.run.NodeResult;
import com.imagestudio.flow.activities.run.StepResult;
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
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.plan;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.ran;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.result;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.startsWith;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.stepIds;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.stepRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

/**
 * The graph run workflow on Temporal's time-skipping test server, with its node and recorder
 * activities mocked: how nodes are grouped and scheduled, what they receive, how failures,
 * retries and cancellation end the run, and what the recorder is told. (Runs recorded before
 * fused chains are covered by {@link GraphRunWorkflowReplayTest}.)
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
    void aLineOfLocalNodesRunsAsOneChainWhoseStepsAreFedByTheStepBefore() {
        // given load -> resize -> save, all local, where only save is an output node
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                node("resize", NodeKind.LOCAL, Map.of("image", fed("load", "image"))),
                output("save", Map.of("image", fed("resize", "image"))));
        Map<String, NodeResult> results = Map.of("load", result("image", image('a')), "resize", new NodeResult(Map.of(), false),
                "save", result("image", image('c')));
        doAnswer(call -> ran(call.getArgument(0), results::get)).when(nodes).runChain(any());

        // when
        RunOutcome outcome = workflow().run(new RunRequest(RUN_ID, plan));

        // then
        ArgumentCaptor<FusedChain> chains = ArgumentCaptor.forClass(FusedChain.class);
        verify(nodes).runChain(chains.capture());
        verify(nodes, never()).runNode(any());
        FusedChain chain = chains.getValue();
        assertThat(chain.runId()).isEqualTo(RUN_ID);
        assertThat(chain.steps())
                .extracting(ChainStep::nodeId, ChainStep::type, ChainStep::inputs, ChainStep::fromPrevious)
                .containsExactly(
                        tuple("load", "Type-load", Map.of(), Map.of()),
                        tuple("resize", "Type-resize", Map.of(), Map.of("image", "image")),
                        tuple("save", "Type-save", Map.of(), Map.of("image", "image")));
        assertThat(chain.steps()).allSatisfy(step -> assertThat(step.params()).containsEntry("label", step.nodeId()));
        assertThat(outcome.outputs()).isEqualTo(Map.of("save", Map.of("image", image('c'))));
    }

    @Test
    void aProviderNodeBreaksTheLineAndEachUnitRunsOnTheOutputsOfTheUnitBeforeIt() {
        // given load -> upscale (a provider) -> save
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                node("upscale", NodeKind.PROVIDER, Map.of("image", fed("load", "image"))),
                output("save", Map.of("image", fed("upscale", "image"))));
        PortValue loaded = image('a');
        PortValue upscaled = image('b');
        Map<String, NodeResult> results = Map.of("load", result("image", loaded), "upscale", result("image", upscaled),
                "save", result("image", upscaled));
        doAnswer(call -> ran(call.getArgument(0), results::get)).when(nodes).runChain(any());

        // when
        RunOutcome outcome = workflow().run(new RunRequest(RUN_ID, plan));

        // then
        ArgumentCaptor<FusedChain> chains = ArgumentCaptor.forClass(FusedChain.class);
        verify(nodes, times(3)).runChain(chains.capture());
        assertThat(chains.getAllValues()).extracting(WorkflowTestPlans::stepIds)
                .containsExactly(List.of("load"), List.of("upscale"), List.of("save"));
        assertThat(chains.getAllValues()).extracting(chain -> chain.steps().get(0).inputs())
                .containsExactly(Map.of(), Map.of("image", loaded), Map.of("image", upscaled));
        assertThat(outcome.outputs()).isEqualTo(Map.of("save", Map.of("image", upscaled)));
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
        verify(nodes, never()).runChain(any());
        verify(recorder, never()).nodesStarted(anyString(), any());
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
            return ran(call.getArgument(0), id -> result("image", leftImage));
        }).when(nodes).runChain(argThat(startsWith("left")));
        doAnswer(call -> {
            rightStarted.countDown();
            awaitOrFail(leftStarted, "left never started while right was running");
            return ran(call.getArgument(0), id -> result("image", rightImage));
        }).when(nodes).runChain(argThat(startsWith("right")));
        doAnswer(call -> ran(call.getArgument(0), id -> result("image", image('3')))).when(nodes).runChain(argThat(startsWith("join")));

        // when
        RunOutcome outcome = workflow().run(new RunRequest(RUN_ID, plan));

        // then: neither branch could have finished unless both were running at once
        ArgumentCaptor<FusedChain> chains = ArgumentCaptor.forClass(FusedChain.class);
        verify(nodes, times(3)).runChain(chains.capture());
        assertThat(chains.getAllValues()).filteredOn(chain -> stepIds(chain).equals(List.of("join")))
                .singleElement()
                .satisfies(join -> assertThat(join.steps().get(0).inputs()).isEqualTo(Map.of("base", leftImage, "overlay", rightImage)));
        assertThat(outcome.outputs()).containsOnlyKeys("join");
    }

    @Test
    void aStepThatFailsInTheMiddleOfAChainFailsTheRunAfterTheStepsBeforeItSucceededAndSkipsTheRest() {
        // given load -> crop -> save as one chain whose crop rejects its input, and sidecar beside it
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                node("crop", NodeKind.LOCAL, Map.of("image", fed("load", "image"))),
                output("save", Map.of("image", fed("crop", "image"))),
                output("sidecar", Map.of()));
        ChainResult loadDone = new ChainResult(List.of(new StepResult("load", result("image", image('a')), true, null, null)));
        doThrow(stepRejected("crop (Crop): the crop lies outside the image", loadDone, "crop"))
                .when(nodes).runChain(argThat(startsWith("load")));
        CountDownLatch cropFailureRecorded = new CountDownLatch(1);
        doAnswer(call -> {
            cropFailureRecorded.countDown();
            return null;
        }).when(recorder).nodeFailed(eq(RUN_ID), eq("crop"), anyString());
        PortValue sidecarImage = image('d');
        doAnswer(call -> {
            // still running when the workflow learns of the failure
            awaitOrFail(cropFailureRecorded, "the crop failure was never recorded");
            return ran(call.getArgument(0), id -> result("image", sidecarImage));
        }).when(nodes).runChain(argThat(startsWith("sidecar")));

        // when
        WorkflowStub run = startUntyped(plan);

        // then
        assertThatThrownBy(() -> run.getResult(RunOutcome.class))
                .isInstanceOf(WorkflowFailedException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("BadInput");
                    assertThat(failure.getOriginalMessage()).isEqualTo("crop (Crop): the crop lies outside the image");
                });
        InOrder order = inOrder(recorder);
        order.verify(recorder).stepsSucceeded(RUN_ID, loadDone.steps());
        order.verify(recorder).nodeFailed(RUN_ID, "crop", "crop (Crop): the crop lies outside the image");
        verify(recorder).stepsSucceeded(eq(RUN_ID), argThat(steps -> steps.size() == 1 && steps.get(0).nodeId().equals("sidecar")));
        verify(recorder).nodesSkipped(RUN_ID, List.of("save"));
        verify(recorder).runFinished(RUN_ID, RunStatus.FAILED, Map.of(), "crop (Crop): the crop lies outside the image");
        verify(nodes, times(1)).runChain(argThat(startsWith("load")));
    }

    @Test
    void aBadInputFailureIsNeverRetriedWhileAnUnexpectedLocalErrorIsRetriedThreeTimes() {
        // given two independent local nodes: one rejects its input, one keeps crashing
        ExecutionPlan plan = plan(
                node("rejects", NodeKind.LOCAL, Map.of()),
                node("crashes", NodeKind.LOCAL, Map.of()));
        doThrow(stepRejected("rejects: not an image", new ChainResult(List.of()), "rejects"))
                .when(nodes).runChain(argThat(startsWith("rejects")));
        doThrow(new RuntimeException("out of native memory"))
                .when(nodes).runChain(argThat(startsWith("crashes")));

        // when
        WorkflowStub run = startUntyped(plan);

        // then
        assertThatThrownBy(() -> run.getResult(RunOutcome.class)).isInstanceOf(WorkflowFailedException.class);
        verify(nodes, times(1)).runChain(argThat(startsWith("rejects")));
        verify(nodes, times(3)).runChain(argThat(startsWith("crashes")));
        verify(recorder).nodeFailed(RUN_ID, "crashes", "out of native memory");
    }

    @Test
    void everyNodeIsScheduledWithAHeartbeatTimeoutSoThatANodeWhoseWorkerDiedRunsAgainSoon() {
        // given a local and a provider node (the activity heartbeats while either works)
        ExecutionPlan plan = plan(
                node("local", NodeKind.LOCAL, Map.of()),
                node("provider", NodeKind.PROVIDER, Map.of()));
        doAnswer(call -> ran(call.getArgument(0), id -> result("image", image('d')))).when(nodes).runChain(any());

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
    void theRecorderSeesTheChainStartAndSucceedInOneStepEachThenTheRunSucceedInOrder() {
        // given
        ExecutionPlan plan = plan(
                node("load", NodeKind.LOCAL, Map.of()),
                output("save", Map.of("image", fed("load", "image"))));
        NodeResult saved = new NodeResult(Map.of("image", image('f')), true);
        Map<String, NodeResult> results = Map.of("load", result("image", image('e')), "save", saved);
        doAnswer(call -> ran(call.getArgument(0), results::get)).when(nodes).runChain(any());

        // when
        workflow().run(new RunRequest(RUN_ID, plan));

        // then
        InOrder order = inOrder(recorder);
        order.verify(recorder).nodesStarted(RUN_ID, List.of("load", "save"));
        order.verify(recorder).stepsSucceeded(eq(RUN_ID), argThat(steps -> steps.stream().map(StepResult::nodeId).toList()
                .equals(List.of("load", "save"))));
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
            return ran(call.getArgument(0), id -> result("image", image('0')));
        }).when(nodes).runChain(argThat(startsWith("slow")));
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
        verify(nodes, never()).runChain(argThat(startsWith("after")));
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
}
