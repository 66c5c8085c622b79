package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResult;
import com.imagestudio.flow.engine.json.EngineJson;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Local activities that keep the runs and run_nodes tables current while a run goes. */
@Component
class RunRecorder implements RunRecorderActivities {

    private final RunRepository runs;
    private final RunNodeRepository nodes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RunRecorder(RunRepository runs, RunNodeRepository nodes, TransactionTemplate transaction, Clock clock) {
        this.runs = runs;
        this.nodes = nodes;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void runStarted(String runId) {
        transaction.executeWithoutResult(tx -> run(runId).started(clock.instant()));
    }

    @Override
    public void nodeStarted(String runId, String nodeId) {
        transaction.executeWithoutResult(tx -> node(runId, nodeId).started(clock.instant()));
    }

    @Override
    public void nodeSucceeded(String runId, String nodeId, NodeResult result) {
        transaction.executeWithoutResult(tx ->
                node(runId, nodeId).succeeded(EngineJson.write(result.outputs()), result.cached(), clock.instant()));
    }

    @Override
    public void nodeFailed(String runId, String nodeId, String error) {
        transaction.executeWithoutResult(tx -> node(runId, nodeId).failed(error, clock.instant()));
    }

    @Override
    public void nodesSkipped(String runId, List<String> nodeIds) {
        transaction.executeWithoutResult(tx -> nodeIds.forEach(id -> node(runId, id).skipped()));
    }

    @Override
    public void runFinished(String runId, RunStatus status, Map<String, Map<String, PortValue>> outputs, String error) {
        transaction.executeWithoutResult(tx ->
                run(runId).finished(status, EngineJson.write(outputs), error, clock.instant()));
    }

    private RunEntity run(String runId) {
        return runs.findById(runId).orElseThrow(() -> new IllegalStateException("no run " + runId + " in the database"));
    }

    private RunNodeEntity node(String runId, String nodeId) {
        return nodes.findByRunIdAndNodeId(runId, nodeId)
                .orElseThrow(() -> new IllegalStateException("no node " + nodeId + " of run " + runId + " in the database"));
    }
}
