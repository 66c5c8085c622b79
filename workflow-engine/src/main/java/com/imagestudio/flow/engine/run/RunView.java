package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.PortValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as its owner sees it: status, each node's progress, and the results of output nodes;
 * {@code workflowId}/{@code workflowVersion} when it ran a saved workflow, {@code retryOf} when it
 * retries another run.
 */
public record RunView(
        String id,
        RunStatus status,
        String workflowId,
        Integer workflowVersion,
        String retryOf,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<NodeView> nodes,
        Map<String, Map<String, PortValue>> outputs) {

    /**
     * @param fused   it ran in one activity with its neighbours: an image it handed on in memory
     *                was not stored, so only its kept outputs are listed (the last node of a
     *                chain and output nodes keep all of theirs)
     */
    public record NodeView(
            String id,
            String type,
            NodeStatus status,
            boolean cached,
            boolean fused,
            Map<String, PortValue> outputs,
            String error,
            Instant startedAt,
            Instant finishedAt) {
    }
}
