package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.PortValue;

import java.util.Map;

/**
 * One node of a {@link FusedChain}.
 *
 * @param inputs       values from outside the chain, by input port
 * @param fromPrevious input port to the output port of the step before that feeds it
 */
public record ChainStep(
        String nodeId,
        String type,
        int version,
        Map<String, Object> params,
        Map<String, PortValue> inputs,
        Map<String, String> fromPrevious) {
}
