package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.run.NodeResult;
import io.temporal.activity.ActivityInterface;

import java.util.List;
import java.util.Map;

/** Writes a run's progress to the database, for listings, progress and the API. */
@ActivityInterface
public interface RunRecorderActivities {

    void runStarted(String runId);

    void nodeStarted(String runId, String nodeId);

    void nodeSucceeded(String runId, String nodeId, NodeResult result);

    void nodeFailed(String runId, String nodeId, String error);

    void nodesSkipped(String runId, List<String> nodeIds);

    void runFinished(String runId, RunStatus status, Map<String, Map<String, PortValue>> outputs, String error);
}
