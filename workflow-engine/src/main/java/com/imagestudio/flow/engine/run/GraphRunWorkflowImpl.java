package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.ChainResult;
import com.imagestudio.flow.activities.run.ChainStep;
import com.imagestudio.flow.activities.run.FusedChain;
import com.imagestudio.flow.activities.run.NodeActivities;
import com.imagestudio.flow.activities.run.NodeInvocation;
import com.imagestudio.flow.activities.run.NodeResult;
import com.imagestudio.flow.activities.run.StepResult;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Interprets an execution plan. Its nodes are grouped into units (see {@link FusedChains}): a
 * chain of cheap local nodes is one activity, any other node an activity of its own. Each unit
 * whose inputs are ready starts; when one finishes, the units it unblocks start. After a failure
 * no new unit starts, the running ones finish, and the run fails with the first node's error.
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
        // histories recorded before chains were fused replay with an activity per node, and with
        // the run's start recorded on its own (fused, the first nodes' start records it)
        boolean fuse = Workflow.getVersion("fused-chains", Workflow.DEFAULT_VERSION, 1) >= 1;
        // histories recorded before the pre-flight existed replay without it
        if (Workflow.getVersion("credit-preflight", Workflow.DEFAULT_VERSION, 1) >= 1) {
            reserveCreditsOrRefuse(request);
        }
        if (!fuse) {
            recorder.runStarted(runId);
        }
        List<List<PlannedNode>> waiting = new ArrayList<>(!fuse ? FusedChains.unfused(request.plan())
                // histories recorded before a chain went on into the nodes mapped over its list replay with those apart
                : Workflow.getVersion("chains-into-mapped", Workflow.DEFAULT_VERSION, 1) >= 1 ? FusedChains.of(request.plan())
                : FusedChains.notIntoMapped(request.plan()));
        Map<String, NodeResult> finished = new HashMap<>();
        Set<String> failed = new HashSet<>();
        Map<List<PlannedNode>, Promise<ChainResult>> running = new LinkedHashMap<>();
        ApplicationFailure firstFailure = null;
        while (true) {
            if (firstFailure == null) {
                startReadyUnits(runId, fuse, waiting, finished, running);
            }
            if (running.isEmpty()) {
                break;
            }
            Promise.anyOf(running.values()).handle((result, error) -> null).get();
            for (Iterator<Map.Entry<List<PlannedNode>, Promise<ChainResult>>> it = running.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<List<PlannedNode>, Promise<ChainResult>> entry = it.next();
                if (!entry.getValue().isCompleted()) {
                    continue;
                }
                it.remove();
                RuntimeException error = entry.getValue().getFailure();
                if (error == null) {
                    succeeded(runId, fuse, entry.getValue().get(), finished);
                } else {
                    ApplicationFailure failure = failed(runId, fuse, entry.getKey(), error, finished, failed);
                    firstFailure = firstFailure == null ? failure : firstFailure;
                }
            }
        }
        List<String> skipped = request.plan().nodes().stream().map(PlannedNode::id)
                .filter(id -> !finished.containsKey(id) && !failed.contains(id)).toList();
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

    /**
     * Starts every unit whose first node has its inputs (the rest of a chain is fed by the chain
     * itself). Fused: their nodes are recorded as started at once, and each unit is one activity.
     */
    private void startReadyUnits(String runId, boolean fuse, List<List<PlannedNode>> waiting, Map<String, NodeResult> finished,
                                 Map<List<PlannedNode>, Promise<ChainResult>> running) {
        List<List<PlannedNode>> ready = new ArrayList<>();
        for (Iterator<List<PlannedNode>> it = waiting.iterator(); it.hasNext(); ) {
            List<PlannedNode> unit = it.next();
            if (finished.keySet().containsAll(unit.get(0).sources())) {
                it.remove();
                ready.add(unit);
            }
        }
        if (fuse && !ready.isEmpty()) {
            recorder.nodesStarted(runId, ready.stream().flatMap(List::stream).map(PlannedNode::id).toList());
        }
        for (List<PlannedNode> unit : ready) {
            running.put(unit, fuse ? Async.function(chainStub(unit)::runChain, chain(runId, unit, finished))
                    : startNode(runId, unit.get(0), finished));
        }
    }

    /** How runs recorded before fusion started a node: its own activity, recorded as started first. */
    private Promise<ChainResult> startNode(String runId, PlannedNode node, Map<String, NodeResult> finished) {
        Map<String, PortValue> inputs = new HashMap<>();
        node.inputs().forEach((port, source) -> inputs.put(port, finished.get(source.node()).outputs().get(source.port())));
        recorder.nodeStarted(runId, node.id());
        NodeInvocation invocation = new NodeInvocation(runId, node.id(), node.type(), node.version(), node.params(), inputs);
        return Async.function(nodeStubs.get(node.kind())::runNode, invocation)
                .thenApply(result -> new ChainResult(List.of(new StepResult(node.id(), result, false, null, null))));
    }

    private NodeActivities chainStub(List<PlannedNode> unit) {
        NodeKind kind = unit.get(0).kind();
        return unit.size() == 1 ? nodeStubs.get(kind)
                : Workflow.newActivityStub(NodeActivities.class, NodeActivityOptions.forChain(kind, unit.size()));
    }

    /** The unit's nodes as steps: inputs from the node before in the chain are handed over inside the activity. */
    private static FusedChain chain(String runId, List<PlannedNode> unit, Map<String, NodeResult> finished) {
        List<ChainStep> steps = new ArrayList<>();
        for (int i = 0; i < unit.size(); i++) {
            PlannedNode node = unit.get(i);
            String previous = i == 0 ? null : unit.get(i - 1).id();
            Map<String, PortValue> inputs = new HashMap<>();
            Map<String, String> fromPrevious = new HashMap<>();
            node.inputs().forEach((port, source) -> {
                if (source.node().equals(previous)) {
                    fromPrevious.put(port, source.port());
                } else {
                    inputs.put(port, finished.get(source.node()).outputs().get(source.port()));
                }
            });
            steps.add(new ChainStep(node.id(), node.type(), node.version(), node.params(), inputs, fromPrevious));
        }
        return new FusedChain(runId, steps);
    }

    private void succeeded(String runId, boolean fuse, ChainResult result, Map<String, NodeResult> finished) {
        result.steps().forEach(step -> finished.put(step.nodeId(), step.result()));
        if (fuse) {
            recorder.stepsSucceeded(runId, result.steps());
        } else {
            StepResult node = result.steps().get(0);
            recorder.nodeSucceeded(runId, node.nodeId(), node.result());
        }
    }

    /**
     * Records a unit's failure on the node that failed: a chain's failure names it and carries
     * what the steps before it did (they succeeded); the nodes after it are skipped. A failure
     * without that (a timeout, a cancellation) falls on the unit's first node.
     *
     * @return the failure the run reports
     */
    private ApplicationFailure failed(String runId, boolean fuse, List<PlannedNode> unit, RuntimeException error,
                                      Map<String, NodeResult> finished, Set<String> failed) {
        String failedNode = unit.get(0).id();
        String label = unit.stream().map(PlannedNode::id).collect(Collectors.joining(" -> "));
        if (fuse && error instanceof ActivityFailure activity && activity.getCause() instanceof ApplicationFailure chainFailure
                && chainFailure.getDetails().getSize() == 2) {
            ChainResult done = chainFailure.getDetails().get(0, ChainResult.class);
            failedNode = chainFailure.getDetails().get(1, String.class);
            label = failedNode;
            if (!done.steps().isEmpty()) {
                succeeded(runId, true, done, finished);
            }
        }
        ApplicationFailure failure = asNodeFailure(label, error);
        recorder.nodeFailed(runId, failedNode, failure.getOriginalMessage());
        failed.add(failedNode);
        return failure;
    }

    /** The failure the run reports: the node's own message and type, never retried. */
    private static ApplicationFailure asNodeFailure(String label, RuntimeException error) {
        Throwable cause = error instanceof ActivityFailure activity ? activity.getCause() : error;
        if (cause instanceof ApplicationFailure application) {
            return ApplicationFailure.newNonRetryableFailure(application.getOriginalMessage(), application.getType());
        }
        String message = cause instanceof TimeoutFailure ? label + " timed out"
                : cause instanceof CanceledFailure ? label + " was cancelled"
                : label + " failed: " + (cause == null ? error.getMessage() : cause.getMessage());
        return ApplicationFailure.newNonRetryableFailure(message, NODE_FAILED);
    }
}
