package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.PortValue;

import java.util.Map;

/** A node's outputs, and whether they came from the node cache instead of new work. */
public record NodeResult(Map<String, PortValue> outputs, boolean cached) {
}
