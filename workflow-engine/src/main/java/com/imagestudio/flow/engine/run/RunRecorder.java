package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResult;
import com.imagestudio.flow.engine.credits.CreditLedger;
import com.imagestudio.flow.engine.json.EngineJson;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Local activities that keep the runs and run_nodes tables, and the credits they spend, current. */
@Component
class RunRecorder implements RunRecorderActivities {

    private final RunRepository runs;
    private final RunNodeRepository nodes;
    private final CreditLedger ledger;
    private final RunMetrics metrics;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RunRecorder(RunRepository runs, RunNodeRepository nodes, CreditLedger ledger, RunMetrics metrics,
                TransactionTemplate transaction, Clock clock) {
        this.runs = runs;
        this.nodes = nodes;
        this.ledger = ledger;
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

    /** Records the node and charges what it cost, in one transaction: a result from the cache costs nothing. */
    @Override
    public void nodeSucceeded(String runId, String nodeId, NodeResult result) {
        transaction.executeWithoutResult(tx -> {
            RunNodeEntity node = node(runId, nodeId);
            node.succeeded(EngineJson.write(result.outputs()), result.cached(), clock.instant());
            if (!result.cached()) {
                ledger.charge(runId, run(runId).ownerId(), nodeId, node.nodeType(), node.credits());
            }
            metrics.nodeSucceeded(node.nodeType(), result.cached(), node.startedAt() == null ? Duration.ZERO
                    : Duration.between(node.startedAt(), node.finishedAt()));
        });
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
