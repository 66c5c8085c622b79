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
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.time.Duration;

/** Cuts the subject out on a transparent background (Stability AI remove background). */
@AutoService(NodeDefinition.class)
public final class StabilityRemoveBackground implements StudioNode<StabilityRemoveBackground.Params> {

    public record Params() {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("StabilityRemoveBackground", 1)
            .displayName("Remove background (Stability AI)")
            .category("Edit")
            .description("Keep the subject and make the background transparent (PNG with alpha).")
            .aliases("cutout", "transparent background", "background removal")
            .input(Port.required("image", PortType.IMAGE, "The photo"))
            .output(Port.required("image", PortType.IMAGE, "The subject on transparency"))
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.STABILITY))
            .cost(CostFunction.fixed(ProviderCosts.credits("stability.edit.remove-background")))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params();
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        StabilityClient.Form form = StabilityClient.Form.to("/v2beta/stable-image/edit/remove-background")
                .file("image", ProviderMedia.upload("image", inputs.image("image")))
                .field("output_format", "png");
        return EditParams.result(inputs.providers().stability().image(form, Duration.ofSeconds(60)));
    }
}
