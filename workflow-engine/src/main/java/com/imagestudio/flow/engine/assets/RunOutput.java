package com.imagestudio.flow.engine.assets;

import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.catalog.graph.ValidatedGraph;

import java.util.List;
import java.util.Map;

/**
 * An output node that just succeeded, with what the run knows: the pinned graph with the run's
 * inputs ({@link OutputAssets#recipeGraph}), every node finished so far (its outputs and the
 * credits it was charged; 0 from the cache), and the automatic tags of its images by blob hash
 * ({@link OutputAssets#autoTags}). {@code workflowId} is the saved workflow the run came from,
 * null for an ad hoc graph.
 */
public record RunOutput(
        String runId,
        String ownerId,
        String workflowId,
        ValidatedGraph graph,
        String nodeId,
        Map<String, PortValue> outputs,
        Map<String, FinishedNode> finished,
        Map<String, List<String>> autoTags) {

    public record FinishedNode(Map<String, PortValue> outputs, int charged) {
    }
}
