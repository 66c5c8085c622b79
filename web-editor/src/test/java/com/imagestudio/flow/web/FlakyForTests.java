package com.imagestudio.flow.web;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pass-through on the test class path only that fails (without retry) the first time it runs
 * for a {@code tag} and succeeds every time after; it counts its executions per tag.
 */
public final class FlakyForTests implements StudioNode<String> {

    public static final Map<String, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();

    private static final NodeSchema SCHEMA = NodeSchema.builder("FlakyForTests", 1)
            .category("Tests")
            .input(Port.required("image", PortType.IMAGE, ""))
            .output(Port.required("image", PortType.IMAGE, ""))
            .param(ParamSpec.string("tag", "what the test counts this run as").mandatory())
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public String params(ParamValues values) {
        return values.string("tag");
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, String tag) {
        if (EXECUTIONS.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet() == 1) {
            throw new BadInputException("flaky node fails its first run for tag " + tag);
        }
        return NodeOutputs.create().value("image", inputs.value("image"));
    }
}
