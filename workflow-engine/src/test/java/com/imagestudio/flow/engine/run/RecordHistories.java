package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.run.NodeActivities;
import com.imagestudio.flow.activities.run.NodeInvocation;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.engine.webhooks.WebhookActivities;
import com.imagestudio.flow.engine.webhooks.WebhookCall;
import com.imagestudio.flow.engine.webhooks.WebhookDeliveryWorkflowImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.imagestudio.flow.engine.run.WorkflowTestPlans.fed;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.image;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.mapped;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.node;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.output;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.plan;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.ran;
import static com.imagestudio.flow.engine.run.WorkflowTestPlans.result;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/**
 * Records the workflow histories that {@link GraphRunWorkflowReplayTest} replays. Run it by hand,
 * once per history, from the {@code workflow-engine} directory with the test classpath, e.g.
 * {@code java -cp target/test-classes:target/classes:<test dependencies> com.imagestudio.flow.engine.run.RecordHistories}.
 * It never overwrites a history: a committed history is the workflow's past, which every later
 * version of the workflow must still replay. To record a new shape, add a new history.
 */
public final class RecordHistories {

    static final String BRANCH_JOIN = "histories/graph-run-branch-join.json";
    static final String BRANCH_JOIN_RUN_ID = "graph-run-branch-join";
    static final String WITH_WEBHOOK = "histories/graph-run-with-webhook.json";
    static final String WITH_WEBHOOK_RUN_ID = "graph-run-with-webhook";
    static final String WEBHOOK_DELIVERY = "histories/webhook-delivery-retried.json";
    static final String FUSED_CHAINS = "histories/graph-run-fused-chains.json";
    static final String FUSED_CHAINS_RUN_ID = "graph-run-fused-chains";
    static final String FOLDER = "histories/graph-run-folder.json";
    static final String FOLDER_RUN_ID = "graph-run-folder";
    static final String WEBHOOK_URL = "https://hooks.example.com/studio";

    private RecordHistories() {
    }

    /** load, then a local and a provider branch, joined by an output node; nothing fails. */
    static ExecutionPlan branchJoinPlan() {
        return plan(
                node("load", NodeKind.LOCAL, Map.of()),
                node("resize", NodeKind.LOCAL, Map.of("image", fed("load", "image"))),
                node("upscale", NodeKind.PROVIDER, Map.of("image", fed("load", "image"))),
                output("compose", Map.of("base", fed("resize", "image"), "overlay", fed("upscale", "image"))));
    }

    /** load and resize fused, a provider node, then encode and save fused. */
    static ExecutionPlan fusedChainsPlan() {
        return plan(
                node("load", NodeKind.LOCAL, Map.of()),
                node("resize", NodeKind.LOCAL, Map.of("image", fed("load", "image"))),
                node("upscale", NodeKind.PROVIDER, Map.of("image", fed("resize", "image"))),
                node("encode", NodeKind.LOCAL, Map.of("image", fed("upscale", "image"))),
                output("save", Map.of("image", fed("encode", "image"))));
    }

    /** A folder, resize and encode once per photo of it, then an output node that keeps their list. */
    static ExecutionPlan folderPlan() {
        return plan(
                node("folder", NodeKind.LOCAL, Map.of()),
                mapped(node("resize", NodeKind.LOCAL, Map.of("image", fed("folder", "images")))),
                mapped(node("encode", NodeKind.LOCAL, Map.of("image", fed("resize", "image")))),
                output("saveAll", Map.of("images", fed("encode", "image"))));
    }

    public static void main(String[] args) throws IOException {
        Path resources = Path.of(args.length > 0 ? args[0] : "src/test/resources");
        record(resources.resolve(BRANCH_JOIN), RecordHistories::recordBranchJoin);
        record(resources.resolve(FUSED_CHAINS), RecordHistories::recordFusedChains);
        record(resources.resolve(FOLDER), () -> recordChains(FOLDER_RUN_ID, folderPlan()));
        record(resources.resolve(WITH_WEBHOOK), () -> recordWithWebhook().get(0));
        record(resources.resolve(WEBHOOK_DELIVERY), () -> recordWithWebhook().get(1));
    }

    private static void record(Path target, java.util.function.Supplier<WorkflowExecutionHistory> history) throws IOException {
        if (Files.exists(target)) {
            System.out.println(target + " exists; a recorded history is never overwritten");
            return;
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, history.get().toJson(true), StandardCharsets.UTF_8);
        System.out.println("recorded " + target);
    }

    /**
     * A run with a webhook, and its delivery: the receiver fails once, then answers.
     *
     * @return the run's history, then the delivery's
     */
    private static java.util.List<WorkflowExecutionHistory> recordWithWebhook() {
        NodeActivities nodes = mock(NodeActivities.class, withSettings().withoutAnnotations());
        when(nodes.runNode(any())).thenReturn(result("image", image('7')));
        RunRecorderActivities recorder = mock(RunRecorderActivities.class, withSettings().withoutAnnotations());
        PreflightActivities preflight = mock(PreflightActivities.class, withSettings().withoutAnnotations());
        WebhookActivities webhooks = mock(WebhookActivities.class, withSettings().withoutAnnotations());
        org.mockito.Mockito.doThrow(ApplicationFailure.newFailure("the webhook answered 500", "WebhookRefused"))
                .doNothing().when(webhooks).deliver(any());
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("record-histories");
            worker.registerWorkflowImplementationTypes(GraphRunWorkflowImpl.class, WebhookDeliveryWorkflowImpl.class);
            worker.registerActivitiesImplementations(nodes, recorder, preflight, webhooks);
            env.start();
            GraphRunWorkflow workflow = env.getWorkflowClient().newWorkflowStub(GraphRunWorkflow.class,
                    WorkflowOptions.newBuilder().setWorkflowId(WITH_WEBHOOK_RUN_ID).setTaskQueue("record-histories").build());
            workflow.run(new RunRequest(WITH_WEBHOOK_RUN_ID, webhookPlan(), WEBHOOK_URL));
            WebhookCall call = WebhookCall.forRun(WITH_WEBHOOK_RUN_ID, WEBHOOK_URL);
            env.getWorkflowClient().newUntypedWorkflowStub(call.deliveryId()).getResult(Void.class);
            return java.util.List.of(env.getWorkflowClient().fetchHistory(WITH_WEBHOOK_RUN_ID),
                    env.getWorkflowClient().fetchHistory(call.deliveryId()));
        }
    }

    /** load, then an output node. */
    static ExecutionPlan webhookPlan() {
        return plan(node("load", NodeKind.LOCAL, Map.of()), output("save", Map.of("image", fed("load", "image"))));
    }

    private static WorkflowExecutionHistory recordFusedChains() {
        return recordChains(FUSED_CHAINS_RUN_ID, fusedChainsPlan());
    }

    /** A run of the plan whose every chain activity succeeds, each step giving an image. */
    private static WorkflowExecutionHistory recordChains(String runId, ExecutionPlan plan) {
        NodeActivities nodes = mock(NodeActivities.class, withSettings().withoutAnnotations());
        when(nodes.runChain(any())).thenAnswer(call -> ran(call.getArgument(0),
                nodeId -> result("image", image(Character.forDigit(nodeId.length(), 16)))));
        RunRecorderActivities recorder = mock(RunRecorderActivities.class, withSettings().withoutAnnotations());
        PreflightActivities preflight = mock(PreflightActivities.class, withSettings().withoutAnnotations());
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("record-histories");
            worker.registerWorkflowImplementationTypes(GraphRunWorkflowImpl.class);
            worker.registerActivitiesImplementations(nodes, recorder, preflight);
            env.start();
            GraphRunWorkflow workflow = env.getWorkflowClient().newWorkflowStub(GraphRunWorkflow.class,
                    WorkflowOptions.newBuilder().setWorkflowId(runId).setTaskQueue("record-histories").build());
            workflow.run(new RunRequest(runId, plan));
            return env.getWorkflowClient().fetchHistory(runId);
        }
    }

    private static WorkflowExecutionHistory recordBranchJoin() {
        NodeActivities nodes = mock(NodeActivities.class, withSettings().withoutAnnotations());
        when(nodes.runNode(any())).thenAnswer(call -> {
            NodeInvocation invocation = call.getArgument(0);
            return result("image", image(Character.forDigit(invocation.nodeId().length(), 16)));
        });
        RunRecorderActivities recorder = mock(RunRecorderActivities.class, withSettings().withoutAnnotations());
        PreflightActivities preflight = mock(PreflightActivities.class, withSettings().withoutAnnotations());
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("record-histories");
            worker.registerWorkflowImplementationTypes(GraphRunWorkflowImpl.class);
            worker.registerActivitiesImplementations(nodes, recorder, preflight);
            env.start();
            GraphRunWorkflow workflow = env.getWorkflowClient().newWorkflowStub(GraphRunWorkflow.class,
                    WorkflowOptions.newBuilder().setWorkflowId(BRANCH_JOIN_RUN_ID).setTaskQueue("record-histories").build());
            workflow.run(new RunRequest(BRANCH_JOIN_RUN_ID, branchJoinPlan()));
            return env.getWorkflowClient().fetchHistory(BRANCH_JOIN_RUN_ID);
        }
    }
}
