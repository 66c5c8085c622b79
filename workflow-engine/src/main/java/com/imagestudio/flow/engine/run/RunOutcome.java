package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.PortValue;

import java.util.Map;

/** The results of a run's output nodes: node id, then output port, then value. */
public record RunOutcome(Map<String, Map<String, PortValue>> outputs) {
}
