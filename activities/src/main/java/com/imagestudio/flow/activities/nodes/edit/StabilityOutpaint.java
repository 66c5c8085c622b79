package com.imagestudio.flow.activities.nodes.edit;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.BadInputException;
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

/** Extends the image beyond its borders (Stability AI outpaint). */
@AutoService(NodeDefinition.class)
public final class StabilityOutpaint implements StudioNode<StabilityOutpaint.Params> {

    public record Params(int left, int right, int up, int down, double creativity, String prompt, long seed) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("StabilityOutpaint", 1)
            .displayName("Outpaint (Stability AI)")
            .category("Edit")
            .description("Extend the image in any direction, inventing what lies beyond its edges.")
            .aliases("expand", "uncrop", "extend canvas")
            .input(Port.required("image", PortType.IMAGE, "The image to extend"))
            .output(Port.required("image", PortType.IMAGE, "The extended image"))
            .param(ParamSpec.integer("left", "Pixels to add on the left").between(0, 2000).withDefault(0))
            .param(ParamSpec.integer("right", "Pixels to add on the right").between(0, 2000).withDefault(0))
            .param(ParamSpec.integer("up", "Pixels to add at the top").between(0, 2000).withDefault(0))
            .param(ParamSpec.integer("down", "Pixels to add at the bottom").between(0, 2000).withDefault(0))
            .param(ParamSpec.number("creativity", "How freely to invent the new areas").between(0, 1).withDefault(0.5))
            .param(ParamSpec.string("prompt", "What the new areas should show (optional)").withDefault(""))
            .param(EditParams.seed())
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.STABILITY))
            .cost(CostFunction.fixed(ProviderCosts.credits("stability.edit.outpaint")))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.integer("left"), values.integer("right"), values.integer("up"), values.integer("down"),
                values.number("creativity"), values.string("prompt"), values.integer("seed"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        if (params.left() + params.right() + params.up() + params.down() == 0) {
            throw new BadInputException("outpainting needs at least one side to extend (left, right, up or down above 0)");
        }
        StabilityClient.Form form = StabilityClient.Form.to("/v2beta/stable-image/edit/outpaint")
                .file("image", ProviderMedia.upload("image", inputs.image("image")))
                .field("left", params.left()).field("right", params.right())
                .field("up", params.up()).field("down", params.down())
                .field("creativity", params.creativity())
                .field("prompt", params.prompt())
                .field("seed", params.seed() == 0 ? null : params.seed())
                .field("output_format", "png");
        return EditParams.result(inputs.providers().stability().image(form, Duration.ofSeconds(90)));
    }
}
