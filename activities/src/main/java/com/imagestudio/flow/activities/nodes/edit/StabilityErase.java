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

/** Removes unwanted objects (Stability AI erase): the masked area, or what the image's alpha marks. */
@AutoService(NodeDefinition.class)
public final class StabilityErase implements StudioNode<StabilityErase.Params> {

    public record Params(int growMask, long seed) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("StabilityErase", 1)
            .displayName("Erase objects (Stability AI)")
            .category("Edit")
            .description("Remove blemishes, objects or people: white in the mask is erased and filled in.")
            .aliases("remove object", "cleanup", "eraser")
            .input(Port.required("image", PortType.IMAGE, "The image to clean up"))
            .input(Port.optional("mask", PortType.MASK, "White where to erase (else the image's transparency)"))
            .output(Port.required("image", PortType.IMAGE, "The cleaned image"))
            .param(ParamSpec.integer("grow_mask", "Grow the mask's edges by this many pixels").between(0, 20).withDefault(5))
            .param(EditParams.seed())
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.STABILITY))
            .cost(CostFunction.fixed(ProviderCosts.credits("stability.edit.erase")))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.integer("grow_mask"), values.integer("seed"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        StabilityClient.Form form = StabilityClient.Form.to("/v2beta/stable-image/edit/erase")
                .file("image", ProviderMedia.upload("image", inputs.image("image")))
                .field("grow_mask", params.growMask())
                .field("seed", params.seed() == 0 ? null : params.seed())
                .field("output_format", "png");
        if (inputs.has("mask")) {
            form.file("mask", ProviderMedia.upload("mask", inputs.image("mask")));
        }
        return EditParams.result(inputs.providers().stability().image(form, Duration.ofSeconds(90)));
    }
}
