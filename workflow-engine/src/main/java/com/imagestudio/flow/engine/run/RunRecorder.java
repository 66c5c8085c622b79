package com.imagestudio.flow.engine.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResult;
import com.imagestudio.flow.catalog.graph.Graph;
import com.imagestudio.flow.catalog.graph.GraphNode;
import com.imagestudio.flow.engine.assets.OutputAssets;
import com.imagestudio.flow.engine.assets.RunOutput;
import com.imagestudio.flow.engine.credits.CreditLedger;
import com.imagestudio.flow.engine.json.EngineJson;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Local activities that keep the runs and run_nodes tables, the credits they spend and the asset
 * library current.
 */
@Component
class RunRecorder implements RunRecorderActivities {

    private static final TypeReference<Map<String, Object>> INPUTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, PortValue>> NODE_OUTPUTS = new TypeReference<>() {
    };

    private final RunRepository runs;
    private final RunNodeRepository nodes;
    private final CreditLedger ledger;
    private final OutputAssets assets;
    private final RunMetrics metrics;
    private final TransactionTemplate transaction;
    private final Clock clock;

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

    @Override
    public void runStarted(String runId) {
        transaction.executeWithoutResult(tx -> run(runId).started(clock.instant()));
        metrics.runStarted();
    }

    @Override
    public void nodeStarted(String runId, String nodeId) {
        transaction.executeWithoutResult(tx -> node(runId, nodeId).started(clock.instant()));
    }

    /**
     * Records the node, charges what it cost (a result from the cache costs nothing) and, for an
     * output node, adds its results to the library, in one transaction.
     */
    @Override
    public void nodeSucceeded(String runId, String nodeId, NodeResult result) {
        transaction.executeWithoutResult(tx -> {
            RunNodeEntity node = node(runId, nodeId);
            node.succeeded(EngineJson.write(result.outputs()), result.cached(), clock.instant());
            RunEntity run = run(runId);
            if (!result.cached()) {
                ledger.charge(runId, run.ownerId(), nodeId, node.nodeType(), node.credits());
            }
            Graph graph = EngineJson.read(run.graph(), Graph.class);
            GraphNode planned = graph.nodes().stream().filter(n -> n.id().equals(nodeId)).findFirst().orElseThrow();
            if (assets.keeps(planned.type(), planned.version())) {
                assets.record(new RunOutput(runId, run.ownerId(), run.workflowId(), graph, EngineJson.read(run.inputs(), INPUTS),
                        nodeId, result.outputs(), finished(runId)));
            }
            metrics.nodeSucceeded(node.nodeType(), result.cached(), node.startedAt() == null ? Duration.ZERO
                    : Duration.between(node.startedAt(), node.finishedAt()));
        });
    }

    private Map<String, RunOutput.FinishedNode> finished(String runId) {
        Map<String, RunOutput.FinishedNode> finished = new HashMap<>();
        for (RunNodeEntity n : nodes.findByRunIdOrderByPosition(runId)) {
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
