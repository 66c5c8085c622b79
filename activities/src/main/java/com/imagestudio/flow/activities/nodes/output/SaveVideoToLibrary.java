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

/** Keeps a video as a result of the run, under a name; the bytes pass on untouched. */
@AutoService(NodeDefinition.class)
public final class SaveVideoToLibrary implements StudioNode<SaveToLibrary.Params> {

    private static final NodeSchema SCHEMA = NodeSchema.builder("SaveVideoToLibrary", 1)
            .displayName("Save video to library")
            .category("Output")
            .description("Keep the video as a result of the run, under a name.")
            .aliases("output", "export", "result", "video")
            .input(Port.required("video", PortType.VIDEO, "The video to keep"))
            .output(Port.required("video", PortType.VIDEO, "The kept video"))
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
        return NodeOutputs.create().value("video", inputs.value("video"));
    }
}
