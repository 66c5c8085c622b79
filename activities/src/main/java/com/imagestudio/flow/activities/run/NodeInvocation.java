package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.PortValue;

import java.util.Map;

/** One node to run in one run: what the workflow sends its activity. */
public record NodeInvocation(
        String runId,
        String nodeId,
        String type,
        int version,
        Map<String, Object> params,
        Map<String, PortValue> inputs) {
}
