package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.PortValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes of one run that run as one activity, in order: a chain of cheap local nodes where each
 * node's only consumer is the next. A step after the first takes the step before's outputs as
 * they are, a decoded image staying in memory. A chain of one step is a node run on its own. A
 * step given a list of images by the step before, on a port that takes one image, starts the
 * steps that run once per image of it (see {@link ListMapping}).
 */
public record FusedChain(String runId, List<ChainStep> steps) {

    public FusedChain {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least one step");
        }
    }

    /** The steps before {@code index}, as a chain of their own. */
    FusedChain before(int index) {
        return new FusedChain(runId, steps.subList(0, index));
    }

    /** The steps from {@code index} on, as a chain of their own whose first step is given what the step before gave. */
    FusedChain from(int index, Map<String, PortValue> before) {
        ChainStep first = steps.get(index);
        Map<String, PortValue> inputs = new HashMap<>(first.inputs());
        first.fromPrevious().forEach((port, output) -> {
            if (before.containsKey(output)) {
                inputs.put(port, before.get(output));
            }
        });
        List<ChainStep> rest = new ArrayList<>(steps.subList(index, steps.size()));
        rest.set(0, new ChainStep(first.nodeId(), first.type(), first.version(), first.params(), inputs, Map.of()));
        return new FusedChain(runId, rest);
    }

    /** The node run on its own. */
    public static FusedChain of(NodeInvocation node) {
        return new FusedChain(node.runId(), List.of(
                new ChainStep(node.nodeId(), node.type(), node.version(), node.params(), node.inputs(), Map.of())));
    }
}
