package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResult;
import com.imagestudio.flow.activities.run.StepResult;
import io.temporal.activity.ActivityInterface;

import java.util.List;
import java.util.Map;

/** Writes a run's progress to the database, for listings, progress and the API. */
@ActivityInterface
public interface RunRecorderActivities {

    /** Runs recorded before fused chains: the run started. */
    void runStarted(String runId);

    /** Runs recorded before fused chains: one node started. */
    void nodeStarted(String runId, String nodeId);

    /** The nodes of the units that start together, in one transaction; the first time, the run starts too. */
    void nodesStarted(String runId, List<String> nodeIds);

    /** Runs recorded before fused chains: one node succeeded. */
    void nodeSucceeded(String runId, String nodeId, NodeResult result);

    /** The steps of a unit that succeeded (all of a chain, or those before the one that failed), in one transaction. */
    void stepsSucceeded(String runId, List<StepResult> steps);

    void nodeFailed(String runId, String nodeId, String error);

    void nodesSkipped(String runId, List<String> nodeIds);

    void runFinished(String runId, RunStatus status, Map<String, Map<String, PortValue>> outputs, String error);
}
