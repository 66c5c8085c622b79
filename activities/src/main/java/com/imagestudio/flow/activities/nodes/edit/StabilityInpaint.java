package com.imagestudio.flow.activities.nodes.edit;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.activities.providers.stability.StabilityClient;
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

import java.time.Duration;

/** Repaints the masked area from a prompt (Stability AI inpaint). */
@AutoService(NodeDefinition.class)
public final class StabilityInpaint implements StudioNode<StabilityInpaint.Params> {

    public record Params(String prompt, String negativePrompt, int growMask, long seed) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("StabilityInpaint", 1)
            .displayName("Inpaint (Stability AI)")
            .category("Edit")
            .description("Fill or replace the masked area with what the prompt describes.")
            .aliases("fill", "repaint", "generative fill")
            .input(Port.required("image", PortType.IMAGE, "The image to edit"))
            .input(Port.optional("mask", PortType.MASK, "White where to repaint (else the image's transparency)"))
            .output(Port.required("image", PortType.IMAGE, "The edited image"))
            .param(ParamSpec.string("prompt", "What to paint in the masked area").mandatory())
            .param(ParamSpec.string("negative_prompt", "What not to paint").withDefault(""))
            .param(ParamSpec.integer("grow_mask", "Grow the mask's edges by this many pixels").between(0, 100).withDefault(5))
            .param(EditParams.seed())
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.STABILITY))
            .cost(CostFunction.fixed(ProviderCosts.credits("stability.edit.inpaint")))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("prompt"), values.string("negative_prompt"), values.integer("grow_mask"),
                values.integer("seed"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        StabilityClient.Form form = StabilityClient.Form.to("/v2beta/stable-image/edit/inpaint")
                .file("image", ProviderMedia.upload("image", inputs.image("image")))
                .field("prompt", params.prompt())
                .field("negative_prompt", params.negativePrompt())
                .field("grow_mask", params.growMask())
                .field("seed", params.seed() == 0 ? null : params.seed())
                .field("output_format", "png");
        if (inputs.has("mask")) {
            form.file("mask", ProviderMedia.upload("mask", inputs.image("mask")));
        }
        return EditParams.result(inputs.providers().stability().image(form, Duration.ofSeconds(90)));
    }
}
