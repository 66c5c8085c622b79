package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.catalog.graph.Graph;

import java.util.Map;

/**
 * An output node that just succeeded, with what the run knows: the pinned graph and run inputs,
 * and every node finished so far (its outputs and the credits it was charged; 0 from the cache).
 * {@code workflowId} is the saved workflow the run came from, null for an ad hoc graph.
 */
public record RunOutput(
        String runId,
        String ownerId,
        String workflowId,
        Graph graph,
        Map<String, Object> inputs,
        String nodeId,
        Map<String, PortValue> outputs,
        Map<String, FinishedNode> finished) {

    public record FinishedNode(Map<String, PortValue> outputs, int charged) {
    }
}
