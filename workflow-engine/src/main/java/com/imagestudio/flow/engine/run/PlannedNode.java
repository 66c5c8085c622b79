package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.catalog.graph.PortRef;
import com.imagestudio.flow.catalog.schema.NodeKind;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One node of a run as the workflow sees it: checked parameters, where each input comes from, and
 * whether it is mapped (fed a list where it takes one image, it runs once per image).
 */
public record PlannedNode(
        String id,
        String type,
        int version,
        NodeKind kind,
        boolean output,
        Map<String, Object> params,
        Map<String, PortRef> inputs,
        boolean mapped) {

    /** The nodes whose results this one waits for. */
    public Set<String> sources() {
        return inputs.values().stream().map(PortRef::node).collect(Collectors.toSet());
    }
}
