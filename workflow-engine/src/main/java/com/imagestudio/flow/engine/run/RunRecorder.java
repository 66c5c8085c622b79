package com.imagestudio.flow.engine.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResult;
import com.imagestudio.flow.activities.run.StepResult;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.catalog.graph.ValidatedGraph;
import com.imagestudio.flow.engine.assets.OutputAssets;
import com.imagestudio.flow.engine.assets.RunOutput;
import com.imagestudio.flow.engine.credits.CreditLedger;
import com.imagestudio.flow.engine.json.EngineJson;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Local activities that keep the runs and run_nodes tables, the credits they spend and the asset
 * library current. Each is one short transaction; what takes time (parsing and validating the
 * run's graph, tagging output images) is done before it, and the graph once per run.
 */
@Component
class RunRecorder implements RunRecorderActivities {

    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, PortValue>> NODE_OUTPUTS = new TypeReference<>() {
    };
    /** Runs whose facts are kept in memory; a run this worker no longer remembers is read again. */
    private static final int REMEMBERED_RUNS = 512;

    private final RunRepository runs;
    private final RunNodeRepository nodes;
    private final CreditLedger ledger;
    private final OutputAssets assets;
    private final RunMetrics metrics;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<String, RunFacts> remembered = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RunFacts> eldest) {
            return size() > REMEMBERED_RUNS;
        }
    });

    RunRecorder(RunRepository runs, RunNodeRepository nodes, CreditLedger ledger, OutputAssets assets,
                RunMetrics metrics, TransactionTemplate transaction, Clock clock) {
        this.runs = runs;
        this.nodes = nodes;
        this.ledger = ledger;
        this.assets = assets;
        this.metrics = metrics;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What recording needs of a run and never changes: its owner, saved workflow and graph, parsed once. */
    private final class RunFacts {
        private final String runId;
        private final String ownerId;
        private final String workflowId;
        private final Map<String, GraphNode> graphNodes;
        private final Graph graph;
        private final Map<String, Object> inputs;
        private ValidatedGraph recipeGraph;

        RunFacts(RunEntity run) {
            this.runId = run.id();
            this.ownerId = run.ownerId();
            this.workflowId = run.workflowId();
            this.graph = EngineJson.read(run.graph(), Graph.class);
            this.inputs = EngineJson.read(run.inputs(), INPUTS);
            this.graphNodes = graph.nodes().stream().collect(Collectors.toMap(GraphNode::id, Function.identity()));
        }

        /** Whether the node's results land in the library. */
        boolean keeps(String nodeId) {
            GraphNode node = graphNodes.get(nodeId);
            return assets.keeps(node.type(), node.version());
        }

        synchronized ValidatedGraph recipeGraph() {
            if (recipeGraph == null) {
                recipeGraph = assets.recipeGraph(runId, graph, inputs);
            }
            return recipeGraph;
        }
    }

    private RunFacts facts(String runId) {
        RunFacts known = remembered.get(runId);
        if (known != null) {
            return known;
        }
        RunFacts read = new RunFacts(run(runId));
        remembered.put(runId, read);
        return read;
    }

    @Override
    public void runStarted(String runId) {
        RunEntity run = transaction.execute(tx -> {
            RunEntity started = run(runId);
            started.started(clock.instant());
            return started;
        });
        remembered.putIfAbsent(runId, new RunFacts(run));
        metrics.runStarted();
    }

    @Override
    public void nodeStarted(String runId, String nodeId) {
        transaction.executeWithoutResult(tx -> node(runId, nodeId).started(clock.instant()));
    }

    /** A run this worker remembers has started already; otherwise its row is read, and started if it was queued. */
    @Override
    public void nodesStarted(String runId, List<String> nodeIds) {
        boolean remembers = remembered.containsKey(runId);
        AtomicBoolean runStartedNow = new AtomicBoolean();
        RunEntity run = transaction.execute(tx -> {
            nodes.findByRunIdOrderByPosition(runId).stream()
                    .filter(node -> nodeIds.contains(node.nodeId()))
                    .forEach(node -> node.started(clock.instant()));
            if (remembers) {
                return null;
            }
            RunEntity read = run(runId);
            runStartedNow.set(read.started(clock.instant()));
            return read;
        });
        if (run != null) {
            remembered.putIfAbsent(runId, new RunFacts(run));
        }
        if (runStartedNow.get()) {
            metrics.runStarted();
        }
    }

    @Override
    public void nodeSucceeded(String runId, String nodeId, NodeResult result) {
        succeeded(runId, List.of(new StepResult(nodeId, result, false, null, null)));
    }

    @Override
    public void stepsSucceeded(String runId, List<StepResult> steps) {
        succeeded(runId, steps);
    }

    /**
     * Records the nodes, charges what each cost (a result from the cache costs nothing) and, for
     * an output node, adds its results to the library, in one transaction. A step without times
     * (a run recorded before fused chains) ends now and keeps the start recorded when it started.
     */
    private void succeeded(String runId, List<StepResult> steps) {
        RunFacts run = facts(runId);
        List<StepResult> kept = steps.stream().filter(step -> run.keeps(step.nodeId())).toList();
        ValidatedGraph recipeGraph = kept.isEmpty() ? null : run.recipeGraph();
        Map<String, Map<String, List<String>>> tags = new HashMap<>();
        kept.forEach(step -> tags.put(step.nodeId(), assets.tagsImages(recipeGraph, step.nodeId())
                ? assets.autoTags(step.result().outputs()) : Map.of()));
        Map<String, RunNodeEntity> recorded = transaction.execute(tx -> {
            Map<String, RunNodeEntity> all = nodes.findByRunIdOrderByPosition(runId).stream()
                    .collect(Collectors.toMap(RunNodeEntity::nodeId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
            for (StepResult step : steps) {
                RunNodeEntity node = all.get(step.nodeId());
                NodeResult result = step.result();
                if (step.finishedAt() == null) {
                    node.succeeded(EngineJson.write(result.outputs()), result.cached(), clock.instant());
                } else {
                    node.succeeded(EngineJson.write(result.outputs()), result.cached(), step.fused(), step.startedAt(), step.finishedAt());
                }
                if (!result.cached()) {
                    ledger.charge(runId, run.ownerId, step.nodeId(), node.nodeType(), node.credits());
                }
            }
            for (StepResult step : steps) {
                if (tags.containsKey(step.nodeId())) {
                    assets.record(new RunOutput(runId, run.ownerId, run.workflowId, recipeGraph, step.nodeId(),
                            step.result().outputs(), finished(all.values()), tags.get(step.nodeId())));
                }
            }
            return all;
        });
        for (StepResult step : steps) {
            RunNodeEntity node = recorded.get(step.nodeId());
            metrics.nodeSucceeded(node.nodeType(), step.result().cached(), node.startedAt() == null ? Duration.ZERO
                    : Duration.between(node.startedAt(), node.finishedAt()));
        }
    }

    private static Map<String, RunOutput.FinishedNode> finished(Iterable<RunNodeEntity> nodes) {
        Map<String, RunOutput.FinishedNode> finished = new HashMap<>();
        for (RunNodeEntity n : nodes) {
            if (n.status() == NodeStatus.SUCCEEDED) {
                finished.put(n.nodeId(), new RunOutput.FinishedNode(EngineJson.read(n.outputs(), NODE_OUTPUTS),
                        n.cached() ? 0 : n.credits()));
            }
        }
        return finished;
    }

    @Override
    public void nodeFailed(String runId, String nodeId, String error) {
        transaction.executeWithoutResult(tx -> {
            RunNodeEntity node = node(runId, nodeId);
            node.failed(error, clock.instant());
            metrics.nodeFailed(node.nodeType());
        });
    }

    @Override
    public void nodesSkipped(String runId, List<String> nodeIds) {
        transaction.executeWithoutResult(tx -> nodeIds.forEach(id -> node(runId, id).skipped()));
    }

    /** Ends the run and gives back the credits it reserved and did not spend, however it ended. */
    @Override
    public void runFinished(String runId, RunStatus status, Map<String, Map<String, PortValue>> outputs, String error) {
        transaction.executeWithoutResult(tx -> {
            RunEntity run = run(runId);
            run.finished(status, EngineJson.write(outputs), error, clock.instant());
            ledger.release(runId, run.ownerId());
        });
        remembered.remove(runId);
        metrics.runEnded(status);
    }

    private RunEntity run(String runId) {
        return runs.findById(runId).orElseThrow(() -> new IllegalStateException("no run " + runId + " in the database"));
    }

    private RunNodeEntity node(String runId, String nodeId) {
        return nodes.findByRunIdAndNodeId(runId, nodeId)
                .orElseThrow(() -> new IllegalStateException("no node " + nodeId + " of run " + runId + " in the database"));
    }
}
