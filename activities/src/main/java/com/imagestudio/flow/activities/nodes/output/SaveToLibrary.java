package com.imagestudio.flow.activities.nodes.output;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

/**
 * Marks an image as a result of the run. It passes its input on untouched; the engine records
 * the outputs of output nodes under their name.
 */
@AutoService(NodeDefinition.class)
public final class SaveToLibrary implements StudioNode<SaveToLibrary.Params> {

    public record Params(String name) {
    }

    /** The name results are kept under; shared by the output nodes. */
    static final ParamSpec NAME = ParamSpec.string("name", "Name of the result").matching("[\\p{L}\\p{N} _.()-]{1,120}")
            .withDefault("output");

    private static final NodeSchema SCHEMA = NodeSchema.builder("SaveToLibrary", 1)
            .displayName("Save to library")
            .category("Output")
            .description("Keep the image as a result of the run, under a name.")
            .aliases("output", "export", "result")
            .input(Port.required("image", PortType.IMAGE, "The image to keep"))
            .output(Port.required("image", PortType.IMAGE, "The kept image"))
            .param(NAME)
            .flags(NodeFlag.OUTPUT)
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("name"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        return NodeOutputs.create().value("image", inputs.value("image"));
    }
}
