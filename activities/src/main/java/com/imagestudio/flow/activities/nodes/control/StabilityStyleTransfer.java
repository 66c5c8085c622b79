package com.imagestudio.flow.activities.nodes.control;

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

/** Repaints an image in the style of another (Stability AI style transfer). */
@AutoService(NodeDefinition.class)
public final class StabilityStyleTransfer implements StudioNode<StabilityStyleTransfer.Params> {

    public record Params(String prompt, double styleStrength, double compositionFidelity, double changeStrength, long seed) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("StabilityStyleTransfer", 1)
            .displayName("Style transfer (Stability AI)")
            .category("Control")
            .description("Keep the content of one image and take the look of another.")
            .aliases("style transfer", "restyle", "apply style")
            .input(Port.required("image", PortType.IMAGE, "The content to keep"))
            .input(Port.required("style", PortType.IMAGE, "The style to take"))
            .output(Port.required("image", PortType.IMAGE, "The restyled image"))
            .param(ParamSpec.string("prompt", "Guidance for the result (optional)").withDefault(""))
            .param(ParamSpec.number("style_strength", "How strongly to apply the style").between(0, 1).withDefault(1))
            .param(ParamSpec.number("composition_fidelity", "How closely to keep the composition").between(0, 1).withDefault(0.9))
            .param(ParamSpec.number("change_strength", "How much the content may change").between(0.1, 1).withDefault(0.9))
            .param(ParamSpec.integer("seed", "Seed for repeatable results; 0 picks a new one each time")
                    .between(0, Integer.MAX_VALUE).withDefault(0))
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.STABILITY))
            .cost(CostFunction.fixed(ProviderCosts.credits("stability.control.style-transfer")))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("prompt"), values.number("style_strength"), values.number("composition_fidelity"),
                values.number("change_strength"), values.integer("seed"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        StabilityClient.Form form = StabilityClient.Form.to("/v2beta/stable-image/control/style-transfer")
                .file("init_image", ProviderMedia.upload("init", inputs.image("image")))
                .file("style_image", ProviderMedia.upload("style", inputs.image("style")))
                .field("prompt", params.prompt())
                .field("style_strength", params.styleStrength())
                .field("composition_fidelity", params.compositionFidelity())
                .field("change_strength", params.changeStrength())
                .field("seed", params.seed() == 0 ? null : params.seed())
                .field("output_format", "png");
        byte[] out = inputs.providers().stability().image(form, Duration.ofSeconds(120));
        return NodeOutputs.create().encoded("image", ProviderMedia.image(Provider.STABILITY, out));
    }
}
