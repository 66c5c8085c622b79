package com.imagestudio.flow.engine.workflows;

import com.imagestudio.flow.catalog.graph.Graph;

import java.time.Instant;
import java.util.List;

/**
 * One version of a saved workflow: its pinned graph (node versions fixed) and the inputs a run
 * binds. {@code version} is the version shown, {@code latestVersion} the newest there is.
 */
public record SavedWorkflow(
        String id,
        String name,
        String description,
        int version,
        int latestVersion,
        Graph graph,
        List<WorkflowInput> inputs,
        String webhookUrl,
        Instant createdAt,
        Instant updatedAt,
        Instant versionCreatedAt) {
}
