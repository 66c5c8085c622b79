package com.imagestudio.flow.web;

import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

/** A paid node on the test class path only: its price is its {@code credits} parameter. */
public final class PaidPassThroughForTests implements StudioNode<Integer> {

    private static final NodeSchema SCHEMA = NodeSchema.builder("PaidPassThroughForTests", 1)
            .category("Tests")
            .input(Port.required("image", PortType.IMAGE, ""))
            .output(Port.required("image", PortType.IMAGE, ""))
            .param(ParamSpec.integer("credits", "price").between(0, 1000).withDefault(5))
            .cost(params -> params.integer("credits"))
            .flags(NodeFlag.PAID)
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Integer params(ParamValues values) {
        return values.integer("credits");
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Integer credits) {
        return NodeOutputs.create().value("image", inputs.value("image"));
    }
}
