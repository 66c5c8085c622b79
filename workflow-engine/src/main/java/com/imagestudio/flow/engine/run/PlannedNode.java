package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.catalog.graph.PortRef;
import com.imagestudio.flow.catalog.schema.NodeKind;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One node of a run as the workflow sees it: checked parameters, and where each input comes from. */
public record PlannedNode(
        String id,
        String type,
        int version,
        NodeKind kind,
        boolean output,
        Map<String, Object> params,
        Map<String, PortRef> inputs) {

    /** The nodes whose results this one waits for. */
    public Set<String> sources() {
        return inputs.values().stream().map(PortRef::node).collect(Collectors.toSet());
    }
}
