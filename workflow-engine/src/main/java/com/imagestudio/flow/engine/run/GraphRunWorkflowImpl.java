package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeActivities;
import com.imagestudio.flow.activities.run.NodeInvocation;
import com.imagestudio.flow.activities.run.NodeResult;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.engine.webhooks.WebhookCall;
import com.imagestudio.flow.engine.webhooks.WebhookDeliveryWorkflow;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interprets an execution plan. Each node whose inputs are ready starts as an activity; when
 * one finishes, the nodes it unblocks start. After a failure no new node starts, the running
 * ones finish, and the run fails with the first node's error.
 */
public class GraphRunWorkflowImpl implements GraphRunWorkflow {

    private static final Logger log = Workflow.getLogger(GraphRunWorkflowImpl.class);
    static final String NODE_FAILED = "NodeFailed";

    private static final LocalActivityOptions DATABASE_STEP = LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30)).build();

    private final RunRecorderActivities recorder = Workflow.newLocalActivityStub(RunRecorderActivities.class, DATABASE_STEP);
    private final PreflightActivities preflight = Workflow.newLocalActivityStub(PreflightActivities.class, DATABASE_STEP);
    private final Map<NodeKind, NodeActivities> nodeStubs = new EnumMap<>(NodeKind.class);

    public GraphRunWorkflowImpl() {
        for (NodeKind kind : NodeKind.values()) {
            nodeStubs.put(kind, Workflow.newActivityStub(NodeActivities.class, NodeActivityOptions.forKind(kind)));
        }
    }

    @Override
    public RunOutcome run(RunRequest request) {
        String runId = request.runId();
        // histories recorded before the pre-flight existed replay without it
        if (Workflow.getVersion("credit-preflight", Workflow.DEFAULT_VERSION, 1) >= 1) {
            reserveCreditsOrRefuse(request);
        }
        recorder.runStarted(runId);
        List<PlannedNode> waiting = new ArrayList<>(request.plan().nodes());
        Map<String, NodeResult> finished = new HashMap<>();
        Map<String, Promise<NodeResult>> running = new LinkedHashMap<>();
        ApplicationFailure firstFailure = null;
        while (true) {
            if (firstFailure == null) {
                startReadyNodes(runId, waiting, finished, running);
            }
            if (running.isEmpty()) {
                break;
            }
            Promise.anyOf(running.values()).handle((result, error) -> null).get();
            for (Iterator<Map.Entry<String, Promise<NodeResult>>> it = running.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Promise<NodeResult>> entry = it.next();
                if (!entry.getValue().isCompleted()) {
                    continue;
                }
                it.remove();
                RuntimeException error = entry.getValue().getFailure();
                if (error == null) {
                    finished.put(entry.getKey(), entry.getValue().get());
                    recorder.nodeSucceeded(runId, entry.getKey(), entry.getValue().get());
                } else {
                    ApplicationFailure failure = asNodeFailure(entry.getKey(), error);
                    recorder.nodeFailed(runId, entry.getKey(), failure.getOriginalMessage());
                    firstFailure = firstFailure == null ? failure : firstFailure;
                }
            }
        }
        List<String> skipped = waiting.stream().map(PlannedNode::id).toList();
        if (!skipped.isEmpty()) {
            recorder.nodesSkipped(runId, skipped);
        }
        if (CancellationScope.current().isCancelRequested()) {
            Workflow.newDetachedCancellationScope(() -> {
                recorder.runFinished(runId, RunStatus.CANCELLED, Map.of(), "the run was cancelled");
                callWebhook(request);
            }).run();
            throw new CanceledFailure("the run was cancelled");
        }
        if (firstFailure != null) {
            log.info("run {} failed: {}", runId, firstFailure.getOriginalMessage());
            recorder.runFinished(runId, RunStatus.FAILED, Map.of(), firstFailure.getOriginalMessage());
            callWebhook(request);
            throw firstFailure;
        }
        Map<String, Map<String, PortValue>> outputs = new LinkedHashMap<>();
        request.plan().nodes().stream().filter(PlannedNode::output)
                .forEach(node -> outputs.put(node.id(), finished.get(node.id()).outputs()));
        recorder.runFinished(runId, RunStatus.SUCCEEDED, outputs, null);
        callWebhook(request);
        return new RunOutcome(outputs);
    }

    /** Refuses the run before any node runs when the plan or the credits do not allow it. */
    private void reserveCreditsOrRefuse(RunRequest request) {
        try {
            preflight.reserveCredits(request.runId());
        } catch (ActivityFailure e) {
            ApplicationFailure refusal = asNodeFailure("pre-flight", e);
            recorder.nodesSkipped(request.runId(), request.plan().nodes().stream().map(PlannedNode::id).toList());
            recorder.runFinished(request.runId(), RunStatus.FAILED, Map.of(), refusal.getOriginalMessage());
            callWebhook(request);
            throw refusal;
        }
    }

    /**
     * Once the run is recorded as ended, hands its webhook to a delivery workflow that outlives
     * this one (retries with backoff for minutes must not hold a finished run open), and waits
     * only until that workflow has started.
     */
    private void callWebhook(RunRequest request) {
        if (request.webhookUrl() == null
                || Workflow.getVersion("run-webhook", Workflow.DEFAULT_VERSION, 1) < 1) {
            return;
        }
        WebhookCall call = WebhookCall.forRun(request.runId(), request.webhookUrl());
        WebhookDeliveryWorkflow delivery = Workflow.newChildWorkflowStub(WebhookDeliveryWorkflow.class,
                ChildWorkflowOptions.newBuilder()
                        .setWorkflowId(call.deliveryId())
                        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                        .build());
        Async.procedure(delivery::deliver, call);
        Workflow.getWorkflowExecution(delivery).get();
    }

    private void startReadyNodes(String runId, List<PlannedNode> waiting, Map<String, NodeResult> finished,
                                 Map<String, Promise<NodeResult>> running) {
        for (Iterator<PlannedNode> it = waiting.iterator(); it.hasNext(); ) {
            PlannedNode node = it.next();
            if (!finished.keySet().containsAll(node.sources())) {
                continue;
            }
            it.remove();
            Map<String, PortValue> inputs = new HashMap<>();
            node.inputs().forEach((port, source) -> inputs.put(port, finished.get(source.node()).outputs().get(source.port())));
            recorder.nodeStarted(runId, node.id());
            NodeInvocation invocation = new NodeInvocation(runId, node.id(), node.type(), node.version(), node.params(), inputs);
            running.put(node.id(), Async.function(nodeStubs.get(node.kind())::runNode, invocation));
        }
    }

    /** The failure the run reports: the node's own message and type, never retried. */
    private static ApplicationFailure asNodeFailure(String nodeId, RuntimeException error) {
        Throwable cause = error instanceof ActivityFailure activity ? activity.getCause() : error;
        if (cause instanceof ApplicationFailure application) {
            return ApplicationFailure.newNonRetryableFailure(application.getOriginalMessage(), application.getType());
        }
        String message = cause instanceof TimeoutFailure ? nodeId + " timed out"
                : cause instanceof CanceledFailure ? nodeId + " was cancelled"
                : nodeId + " failed: " + (cause == null ? error.getMessage() : cause.getMessage());
        return ApplicationFailure.newNonRetryableFailure(message, NODE_FAILED);
    }
}
