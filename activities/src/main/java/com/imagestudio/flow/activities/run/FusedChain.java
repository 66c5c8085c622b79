package com.imagestudio.flow.activities.run;

import java.util.List;

/**
 * Nodes of one run that run as one activity, in order: a chain of cheap local nodes where each
 * node's only consumer is the next. A step after the first takes the step before's outputs as
 * they are, a decoded image staying in memory. A chain of one step is a node run on its own.
 */
public record FusedChain(String runId, List<ChainStep> steps) {

    public FusedChain {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least one step");
        }
    }

    /** The node run on its own. */
    public static FusedChain of(NodeInvocation node) {
        return new FusedChain(node.runId(), List.of(
                new ChainStep(node.nodeId(), node.type(), node.version(), node.params(), node.inputs(), java.util.Map.of())));
    }
}
