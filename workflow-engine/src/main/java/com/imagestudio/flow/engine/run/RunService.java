package com.imagestudio.flow.engine.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.catalog.cost.CostEstimate;
import com.imagestudio.flow.catalog.cost.CostEstimator;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphValidator;
import com.imagestudio.flow.catalog.graph.InvalidGraphException;
import com.imagestudio.flow.catalog.graph.ValidatedGraph;
import com.imagestudio.flow.catalog.graph.ValidationResult;
import com.imagestudio.flow.engine.assets.LoadAssetResolver;
import com.imagestudio.flow.engine.config.StudioProperties;
import com.imagestudio.flow.engine.credits.CreditLedger;
import com.imagestudio.flow.engine.json.EngineJson;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Starts graph runs and reports on them; every call is on behalf of one owner. */
@Service
public class RunService {

    private static final TypeReference<Map<String, PortValue>> NODE_OUTPUTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Map<String, PortValue>>> RUN_OUTPUTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() {
    };

    private final GraphValidator validator;
    private final LoadAssetResolver assetResolver;
    private final RunAdmission admission;
    private final CreditLedger ledger;
    private final RunRepository runs;
    private final RunNodeRepository nodes;
    private final WorkflowClient temporal;
    private final StudioProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RunService(GraphValidator validator, LoadAssetResolver assetResolver, RunAdmission admission, CreditLedger ledger, RunRepository runs, RunNodeRepository nodes, WorkflowClient temporal,
               StudioProperties properties, TransactionTemplate transaction, Clock clock) {
        this.validator = validator;
        this.assetResolver = assetResolver;
        this.admission = admission;
        this.ledger = ledger;
        this.runs = runs;
        this.nodes = nodes;
        this.temporal = temporal;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Resolves the graph's library assets (see {@link LoadAssetResolver}), validates the graph with
     * these inputs, records the run and starts its workflow.
     *
     * @throws com.imagestudio.flow.catalog.graph.InvalidGraphException with every problem, before anything is stored
     */
    public RunView start(String ownerId, Graph graph, Map<String, Object> inputs) {
        return start(ownerId, newRunId(), graph, inputs, RunOrigin.NONE);
    }

    /**
     * As {@link #start(String, Graph, Map)}, under a run id chosen beforehand (so that it can be
     * promised, as an idempotency key is, before the run exists), recording where the run comes from.
     */
    public RunView start(String ownerId, String runId, Graph graph, Map<String, Object> inputs, RunOrigin origin) {
        LoadAssetResolver.Resolution resolved = assetResolver.resolve(ownerId, graph, inputs);
        ValidationResult validation = validator.validate(resolved.graph(), inputs);
        if (!validation.isValid() || !resolved.problems().isEmpty()) {
            throw new InvalidGraphException(Stream.concat(resolved.problems().stream(), validation.problems().stream()).toList());
        }
        Recorded recorded = recordAdmitted(ownerId, runId, validation.graph(), inputs, origin);
        try {
            startWorkflow(recorded.request());
        } catch (RuntimeException refused) {
            // a run left QUEUED with no workflow would count against the plan's runs at once for ever
            endWithoutWorkflow(runId, RunStatus.FAILED, "the run could not start: " + refused.getMessage());
            throw new RunNotStartedException(runId, refused);
        }
        return view(recorded.run(), recorded.nodes());
    }

    /**
     * Records a run of a validated graph and its planned nodes (status {@code QUEUED}) without
     * starting it, and returns what its workflow needs. {@link #start} and the rows of a batch
     * both make their runs here; the caller decides how the workflow starts and whether the
     * plan's limit on runs in progress applies (a batch bounds its own concurrency).
     * Joins the caller's transaction if there is one.
     */
    public RunRequest record(String ownerId, ValidatedGraph validated, Map<String, Object> inputs, RunOrigin origin) {
        return record(ownerId, newRunId(), validated, inputs, origin).request();
    }

    /**
     * Records the run if the plan's limit on runs at once allows it, counting and recording in
     * one transaction under the owner's lock (see {@link RunAdmission}).
     *
     * @throws TooManyRunsException when the owner has as many runs in progress as the plan allows
     */
    private Recorded recordAdmitted(String ownerId, String runId, ValidatedGraph validated, Map<String, Object> inputs,
                                    RunOrigin origin) {
        return transaction.execute(tx -> {
            admission.admit(ownerId, 1);
            return record(ownerId, runId, validated, inputs, origin);
        });
    }

    /** A run just recorded: what its workflow needs, and its rows as stored (the answer to its start, with no read back). */
    private record Recorded(RunRequest request, RunEntity run, List<RunNodeEntity> nodes) {
    }

    private Recorded record(String ownerId, String runId, ValidatedGraph validated, Map<String, Object> inputs,
                            RunOrigin origin) {
        ExecutionPlan plan = ExecutionPlan.of(validated);
        Map<String, Integer> credits = CostEstimator.estimate(validated).nodes().stream()
                .collect(Collectors.toMap(CostEstimate.NodeCost::nodeId, CostEstimate.NodeCost::credits));
        RunEntity run = new RunEntity(runId, ownerId, EngineJson.write(validated.graph()), EngineJson.write(inputs),
                origin, clock.instant());
        List<RunNodeEntity> planned = new ArrayList<>();
        for (PlannedNode node : plan.nodes()) {
            planned.add(new RunNodeEntity(runId, node.id(), node.type(), planned.size(), credits.get(node.id())));
        }
        transaction.executeWithoutResult(tx -> {
            runs.save(run);
            nodes.saveAll(planned);
        });
        return new Recorded(new RunRequest(runId, plan, origin.webhookUrl()), run, planned);
    }

    public static String newRunId() {
        return "run-" + UUID.randomUUID();
    }

    /**
     * Runs a failed or cancelled run again as a new run: the same pinned graph, inputs, workflow
     * version and webhook. The node cache makes every node that had succeeded free, so in effect
     * the run resumes from the node that failed.
     *
     * @throws RunNotRetryableException when the run has not failed or been cancelled
     */
    public RunView retry(String ownerId, String runId) {
        RunEntity run = runs.findByIdAndOwnerId(runId, ownerId).orElseThrow(() -> new RunNotFoundException(runId));
        if (run.status() != RunStatus.FAILED && run.status() != RunStatus.CANCELLED) {
            throw new RunNotRetryableException(runId, run.status());
        }
        return start(ownerId, newRunId(), EngineJson.read(run.graph(), Graph.class), EngineJson.read(run.inputs(), INPUTS),
                new RunOrigin(run.workflowId(), run.workflowVersion(), run.id(), run.webhookUrl()));
    }

    /**
     * Starts again the runs the database says are unfinished: after a restart on the in-process
     * Temporal server, which forgets everything, their workflows are gone. The node cache makes
     * the nodes that had finished free, so each run resumes where it stopped. The runs of a
     * batch's rows are left to their batch, which starts them again as its children.
     *
     * @return the ids of the runs started again
     */
    public List<String> resumeUnfinished() {
        List<String> resumed = new ArrayList<>();
        for (RunEntity run : runs.findUnfinishedOutsideBatches()) {
            try {
                Optional<RunRequest> request = interrupted(run.id());
                if (request.isPresent()) {
                    startWorkflow(request.get());
                    resumed.add(run.id());
                }
            } catch (WorkflowExecutionAlreadyStarted alive) {
                // its workflow survived (a real cluster, or it is simply still running): leave it be
            } catch (RuntimeException broken) {
                // one run that cannot start again must not keep the others, or the studio, from starting
                endWithoutWorkflow(run.id(), RunStatus.FAILED, "the run could not be resumed after a restart: "
                        + broken.getMessage());
            }
        }
        return resumed;
    }

    /**
     * Readies a run whose workflow was lost to start again under its own id: the nodes it was
     * running go back to pending (when it runs, the nodes that had finished come from the node
     * cache). A run whose graph no longer validates (the catalog changed) is ended as failed
     * instead, saying why, rather than left hanging.
     *
     * @return what its workflow needs, or empty when the run was ended as failed
     */
    public Optional<RunRequest> interrupted(String runId) {
        RunEntity run = runs.findById(runId).orElseThrow(() -> new RunNotFoundException(runId));
        ValidationResult validation = validator.validate(EngineJson.read(run.graph(), Graph.class),
                EngineJson.read(run.inputs(), INPUTS));
        if (!validation.isValid()) {
            transaction.executeWithoutResult(tx -> runs.findById(runId).orElseThrow().finished(RunStatus.FAILED,
                    null, new InvalidGraphException(validation.problems()).getMessage(), clock.instant()));
            return Optional.empty();
        }
        transaction.executeWithoutResult(tx -> nodes.findByRunIdOrderByPosition(runId).forEach(RunNodeEntity::requeue));
        return Optional.of(new RunRequest(runId, ExecutionPlan.of(validation.graph()), run.webhookUrl()));
    }

    private void startWorkflow(RunRequest request) {
        GraphRunWorkflow workflow = temporal.newWorkflowStub(GraphRunWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(request.runId())
                .setTaskQueue(properties.temporal().taskQueue())
                .build());
        WorkflowClient.start(workflow::run, request);
    }

    public RunView find(String ownerId, String runId) {
        RunEntity run = runs.findByIdAndOwnerId(runId, ownerId).orElseThrow(() -> new RunNotFoundException(runId));
        return view(run, nodes.findByRunIdOrderByPosition(runId));
    }

    private static RunView view(RunEntity run, List<RunNodeEntity> nodes) {
        List<RunView.NodeView> nodeViews = nodes.stream()
                .map(n -> new RunView.NodeView(n.nodeId(), n.nodeType(), n.status(), n.cached(), n.fused(),
                        n.outputs() == null ? Map.of() : EngineJson.read(n.outputs(), NODE_OUTPUTS),
                        n.error(), n.startedAt(), n.finishedAt()))
                .toList();
        return new RunView(run.id(), run.status(), run.workflowId(), run.workflowVersion(), run.retryOf(), run.error(),
                run.createdAt(), run.startedAt(), run.finishedAt(),
                nodeViews, run.outputs() == null ? Map.of() : EngineJson.read(run.outputs(), RUN_OUTPUTS));
    }

    /** Waits up to {@code timeout} for the run to end, then reports it, ended or not. */
    public RunView await(String ownerId, String runId, Duration timeout) {
        RunEntity run = runs.findByIdAndOwnerId(runId, ownerId).orElseThrow(() -> new RunNotFoundException(runId));
        if (run.status().isFinal() || timeout.isZero()) {
            return view(run, nodes.findByRunIdOrderByPosition(runId));
        }
        WorkflowStub stub = temporal.newUntypedWorkflowStub(runId);
        try {
            stub.getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, RunOutcome.class);
        } catch (TimeoutException | WorkflowException e) {
            // still running, failed or cancelled: the database says which
        }
        return find(ownerId, runId);
    }

    /**
     * Asks the run to stop: running nodes are cancelled, and the run ends as CANCELLED. A run
     * whose workflow never started or is gone (it ended without recording it, or was lost to a
     * restart) is ended as CANCELLED here, as its workflow would have.
     */
    public RunView cancel(String ownerId, String runId) {
        RunView current = find(ownerId, runId);
        if (current.status().isFinal()) {
            return current;
        }
        try {
            temporal.newUntypedWorkflowStub(runId).cancel();
        } catch (WorkflowNotFoundException gone) {
            endWithoutWorkflow(runId, RunStatus.CANCELLED, "cancelled");
            return find(ownerId, runId);
        }
        return current;
    }

    /**
     * Ends a run that has no workflow to end it: its unfinished nodes are skipped and the credits
     * it reserved, if any, are given back.
     */
    private void endWithoutWorkflow(String runId, RunStatus status, String reason) {
        transaction.executeWithoutResult(tx -> {
            RunEntity run = runs.findById(runId).orElseThrow(() -> new RunNotFoundException(runId));
            if (run.status().isFinal()) {
                return;
            }
            run.finished(status, null, reason, clock.instant());
            nodes.findByRunIdOrderByPosition(runId).stream()
                    .filter(node -> node.status() == NodeStatus.PENDING || node.status() == NodeStatus.RUNNING)
                    .forEach(RunNodeEntity::skipped);
            ledger.release(runId, run.ownerId());
        });
    }
}
