package com.imagestudio.flow.activities.nodes.load;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

/**
 * Brings an uploaded or stored image into a graph. The image is checked (format, dimensions,
 * pixel budget) but not re-encoded: its bytes pass on untouched.
 */
@AutoService(NodeDefinition.class)
public final class LoadImage implements StudioNode<LoadImage.Params> {

    public record Params(String blob) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("LoadImage", 1)
            .displayName("Load image")
            .category("Input")
            .description("An uploaded image or one from the blob store, by its SHA-256. "
                    + "Bind it to a workflow input to give a new image to each run.")
            .aliases("upload", "open", "image input")
            .param(ParamSpec.string("blob", "SHA-256 of the stored image").matching("[0-9a-f]{64}").mandatory())
            .output(Port.required("image", PortType.IMAGE, "The image"))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("blob"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        return NodeOutputs.create().value("image",
                PortValue.media(PortType.IMAGE, inputs.storedImage(params.blob()).checkedRef()));
    }
}
