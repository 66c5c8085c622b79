package com.imagestudio.flow.web;

import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

/**
 * A node with a TEXT output, registered only on the test class path (see
 * META-INF/services under src/test/resources), so that a type mismatch can be drawn over HTTP.
 */
public final class CaptionForTests implements StudioNode<String> {

    private static final NodeSchema SCHEMA = NodeSchema.builder("CaptionForTests", 1)
            .category("Tests")
            .param(ParamSpec.string("text", "The caption").withDefault("hello"))
            .output(Port.required("text", PortType.TEXT, "The caption"))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public String params(ParamValues values) {
        return values.string("text");
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, String text) {
        return NodeOutputs.create().value("text", PortValue.text(text));
    }
}
