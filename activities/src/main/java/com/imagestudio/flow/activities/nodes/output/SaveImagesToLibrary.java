package com.imagestudio.flow.activities.nodes.output;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

/** Keeps every image of a list (variations, a fan-out to platforms) as results of the run. */
@AutoService(NodeDefinition.class)
public final class SaveImagesToLibrary implements StudioNode<SaveToLibrary.Params> {

    private static final NodeSchema SCHEMA = NodeSchema.builder("SaveImagesToLibrary", 1)
            .displayName("Save images to library")
            .category("Output")
            .description("Keep each image of a list as a result of the run, under a common name.")
            .aliases("output", "export", "results", "variations", "all platforms")
            .input(Port.required("images", PortType.IMAGE_LIST, "The images to keep"))
            .output(Port.required("images", PortType.IMAGE_LIST, "The kept images"))
            .param(SaveToLibrary.NAME)
            .flags(NodeFlag.OUTPUT)
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public SaveToLibrary.Params params(ParamValues values) {
        return new SaveToLibrary.Params(values.string("name"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, SaveToLibrary.Params params) {
        return NodeOutputs.create().value("images", inputs.value("images"));
    }
}
