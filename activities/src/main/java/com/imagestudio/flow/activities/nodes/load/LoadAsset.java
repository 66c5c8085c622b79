package com.imagestudio.flow.activities.nodes.load;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.BadInputException;
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
 * Brings an image from the asset library into a graph. A node cannot read the library, so the
 * engine resolves the {@code asset} id (checking that it belongs to the run's owner) to the
 * asset's blob when the run is planned, and writes that hash into {@code blob}; from there the
 * node works like {@code LoadImage}. The asset id stays in the parameters, so the outputs of the
 * run record which asset they were made from.
 */
@AutoService(NodeDefinition.class)
public final class LoadAsset implements StudioNode<LoadAsset.Params> {

    public record Params(String asset, String blob) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("LoadAsset", 1)
            .displayName("Load asset")
            .category("Input")
            .description("An image from your asset library, by its asset id.")
            .aliases("library", "asset", "reuse")
            .param(ParamSpec.string("asset", "Id of the asset").matching("asset-[0-9a-f-]{36}").mandatory())
            .param(ParamSpec.string("blob", "SHA-256 of the asset's image; filled in by the studio when the run starts")
                    .matching("[0-9a-f]{64}"))
            .output(Port.required("image", PortType.IMAGE, "The asset's image"))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("asset"), values.stringOr("blob", null));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        if (params.blob() == null) {
            throw new BadInputException("asset " + params.asset() + " was not resolved to its image: "
                    + "start the run through the studio, which looks the asset up");
        }
        return NodeOutputs.create().value("image",
                PortValue.media(PortType.IMAGE, inputs.storedImage(params.blob()).checkedRef()));
    }
}
