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
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.time.Duration;

/**
 * Generates guided by an image (Stability AI control): sketch, structure or style. Sketch and
 * structure send the strength as {@code control_strength}, style as {@code fidelity}.
 */
@AutoService(NodeDefinition.class)
public final class StabilityControl implements StudioNode<StabilityControl.Params> {

    public record Params(ControlMode mode, String prompt, String negativePrompt, double strength, long seed) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("StabilityControl", 1)
            .displayName("Generate from sketch, structure or style (Stability AI)")
            .category("Control")
            .description("Generate an image that follows a sketch's lines, an image's structure, or an image's style.")
            .aliases("controlnet", "sketch to image", "structure", "style reference")
            .input(Port.required("image", PortType.IMAGE, "The sketch, structure or style reference"))
            .output(Port.required("image", PortType.IMAGE, "The generated image"))
            .param(ParamSpec.choice("mode", "How the image guides generation", ControlMode.class).withDefault(ControlMode.SKETCH))
            .param(ParamSpec.string("prompt", "What to see in the result").mandatory())
            .param(ParamSpec.string("negative_prompt", "What not to see").withDefault(""))
            .param(ParamSpec.number("strength", "How closely to follow the image").between(0, 1).withDefault(0.7))
            .param(ParamSpec.integer("seed", "Seed for repeatable results; 0 picks a new one each time")
                    .between(0, Integer.MAX_VALUE).withDefault(0))
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.STABILITY))
            .cost(p -> ProviderCosts.credits(p.choice("mode", ControlMode.class).costKey()))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("mode", ControlMode.class), values.string("prompt"),
                values.string("negative_prompt"), values.number("strength"), values.integer("seed"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        StabilityClient.Form form = StabilityClient.Form.to(params.mode().path())
                .file("image", ProviderMedia.upload("image", inputs.image("image")))
                .field("prompt", params.prompt())
                .field("negative_prompt", params.negativePrompt())
                .field(params.mode() == ControlMode.STYLE ? "fidelity" : "control_strength", params.strength())
                .field("seed", params.seed() == 0 ? null : params.seed())
                .field("output_format", "png");
        byte[] out = inputs.providers().stability().image(form, Duration.ofSeconds(90));
        return NodeOutputs.create().encoded("image", ProviderMedia.image(Provider.STABILITY, out));
    }
}
