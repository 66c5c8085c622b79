package com.imagestudio.flow.activities.nodes.edit;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.providers.PollSchedule;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.activities.providers.stability.StabilityClient;
import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.provider.ProviderRequirement;
import com.imagestudio.flow.catalog.reference.ProviderCosts;
import com.imagestudio.flow.catalog.schema.ChoiceEnum;
import com.imagestudio.flow.catalog.schema.CostFunction;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

/**
 * Puts the subject in a new background and relights it to match (Stability AI replace background
 * and relight). Asynchronous: the node waits for the result, reporting progress.
 */
@AutoService(NodeDefinition.class)
public final class StabilityRelight implements StudioNode<StabilityRelight.Params> {

    public record Params(String backgroundPrompt, String foregroundPrompt, LightDirection lightDirection,
                         double lightStrength, double preserveSubject, long seed) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("StabilityRelight", 1)
            .displayName("Replace background and relight (Stability AI)")
            .category("Edit")
            .description("Place the subject in a new background, described or given as an image, with lighting to match.")
            .aliases("background replace", "relight", "product background")
            .input(Port.required("image", PortType.IMAGE, "The subject"))
            .input(Port.optional("background", PortType.IMAGE, "A background image to use"))
            .output(Port.required("image", PortType.IMAGE, "The subject in its new scene"))
            .param(ParamSpec.string("background_prompt", "The new background (needed without a background image)")
                    .withDefault(""))
            .param(ParamSpec.string("foreground_prompt", "The subject, to keep it faithful (optional)").withDefault(""))
            .param(ParamSpec.choice("light_direction", "Where the light comes from", LightDirection.class)
                    .withDefault(LightDirection.NONE))
            .param(ParamSpec.number("light_strength", "Strength of the new light").between(0, 1).withDefault(0.3))
            .param(ParamSpec.number("preserve_subject", "How much of the original subject to keep").between(0, 1)
                    .withDefault(0.6))
            .param(EditParams.seed())
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.STABILITY))
            .cost(CostFunction.fixed(ProviderCosts.credits("stability.edit.replace-background-and-relight")))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("background_prompt"), values.string("foreground_prompt"),
                values.choice("light_direction", LightDirection.class), values.number("light_strength"),
                values.number("preserve_subject"), values.integer("seed"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        if (params.backgroundPrompt().isBlank() && !inputs.has("background")) {
            throw new BadInputException("describe the new background (background_prompt) or connect a background image");
        }
        StabilityClient.Form form = StabilityClient.Form.to("/v2beta/stable-image/edit/replace-background-and-relight")
                .file("subject_image", ProviderMedia.upload("subject", inputs.image("image")))
                .field("background_prompt", params.backgroundPrompt())
                .field("foreground_prompt", params.foregroundPrompt())
                .field("preserve_original_subject", params.preserveSubject())
                .field("seed", params.seed() == 0 ? null : params.seed())
                .field("output_format", "png");
        if (params.lightDirection() != LightDirection.NONE) {
            form.field("light_source_direction", ChoiceEnum.wireValue(params.lightDirection()))
                    .field("light_source_strength", params.lightStrength());
        }
        if (inputs.has("background")) {
            form.file("background_reference", ProviderMedia.upload("background", inputs.image("background")));
        }
        return EditParams.result(inputs.providers().stability().imageAsync(form, PollSchedule.IMAGE, inputs.progress()));
    }
}
