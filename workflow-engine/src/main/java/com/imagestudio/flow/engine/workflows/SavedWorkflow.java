package com.imagestudio.flow.engine.workflows;

import com.imagestudio.flow.catalog.graph.Graph;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of a saved workflow: its pinned graph (node versions fixed) and the inputs a run
 * binds. {@code version} is the version shown, {@code latestVersion} the newest there is.
 *
 * @param positions where the editor last drew each node, by node id (empty when never drawn); kept
 *                  with the workflow, not with a version
 */
public record SavedWorkflow(
        String id,
        String name,
        String description,
        int version,
        int latestVersion,
        Graph graph,
        List<WorkflowInput> inputs,
        Map<String, NodePosition> positions,
        String webhookUrl,
        Instant createdAt,
        Instant updatedAt,
        Instant versionCreatedAt) {
}
