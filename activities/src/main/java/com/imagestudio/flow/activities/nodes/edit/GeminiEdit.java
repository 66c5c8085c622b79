package com.imagestudio.flow.activities.nodes.edit;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.provider.ProviderRequirement;
import com.imagestudio.flow.catalog.reference.ProviderCosts;
import com.imagestudio.flow.catalog.schema.CostFunction;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.util.ArrayList;
import java.util.List;

/** Edits an image from an instruction with Gemini's image model, optionally with a second reference image. */
@AutoService(NodeDefinition.class)
public final class GeminiEdit implements StudioNode<GeminiEdit.Params> {

    static final String MODEL = "gemini-2.5-flash-image";

    public record Params(String instruction) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("GeminiEdit", 1)
            .displayName("Edit with instructions (Gemini)")
            .category("Edit")
            .description("Describe the change (\"make it night\", \"put the product on a beach\") and Gemini edits the image.")
            .aliases("nano banana", "instruct edit", "image editing")
            .input(Port.required("image", PortType.IMAGE, "The image to edit"))
            .input(Port.optional("reference", PortType.IMAGE, "A second image to draw from (an object, a style)"))
            .output(Port.required("image", PortType.IMAGE, "The edited image"))
            .param(ParamSpec.string("instruction", "What to change").mandatory())
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.GEMINI))
            .cost(CostFunction.fixed(ProviderCosts.credits("gemini.image")))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("instruction"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        List<ProviderMedia.Upload> images = new ArrayList<>();
        images.add(ProviderMedia.upload("image", inputs.image("image")));
        if (inputs.has("reference")) {
            images.add(ProviderMedia.upload("reference", inputs.image("reference")));
        }
        var edited = inputs.providers().gemini().generate(MODEL, params.instruction(), images, null);
        return NodeOutputs.create().encoded("image", ProviderMedia.image(Provider.GEMINI, edited.bytes()));
    }
}
