package com.imagestudio.flow.activities.nodes.create;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.provider.ProviderRequirement;
import com.imagestudio.flow.catalog.reference.AspectRatio;
import com.imagestudio.flow.catalog.reference.CreateStudioParams;
import com.imagestudio.flow.catalog.reference.ProviderCosts;
import com.imagestudio.flow.catalog.reference.StylePreset;
import com.imagestudio.flow.catalog.reference.StylePresets;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;

import java.util.Optional;

/** Text to image with Stability AI: Stable Image Core or Ultra, or Stable Diffusion 3.5. */
@AutoService(NodeDefinition.class)
public final class StabilityGenerate implements StudioNode<StabilityGenerate.Params> {

    public record Params(String prompt, String negativePrompt, StabilityModel model, AspectRatio aspectRatio,
                         Optional<StylePreset> style, long seed, int variations) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("StabilityGenerate", 1)
            .displayName("Generate (Stability AI)")
            .category("Create")
            .description("Generate images from a prompt with Stability AI: Stable Image Core, Ultra or SD 3.5.")
            .aliases("text to image", "stable diffusion", "sd3", "ultra", "core")
            .output(TextToImage.imageOutput())
            .output(TextToImage.imagesOutput())
            .param(ParamSpec.string("prompt", "What to see in the image").mandatory())
            .param(ParamSpec.string("negative_prompt", "What not to see").withDefault(""))
            .param(ParamSpec.choice("model", "Stability model", StabilityModel.class).withDefault(StabilityModel.CORE))
            .param(ParamSpec.choice("aspect_ratio", "Shape of the image", AspectRatio.class).withDefault(AspectRatio.SQUARE))
            .param(CreateStudioParams.style("style", "A style preset (Stability's own preset when it has one)"))
            .param(TextToImage.seedParam())
            .param(TextToImage.variationsParam())
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.STABILITY))
            .cost(p -> ProviderCosts.credits(p.choice("model", StabilityModel.class).costKey()) * p.integer("variations"))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("prompt"), values.string("negative_prompt"),
                values.choice("model", StabilityModel.class), values.choice("aspect_ratio", AspectRatio.class),
                StylePresets.find(values.string("style")), values.integer("seed"), values.integer("variations"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        String preset = params.style().map(StylePreset::stabilityStylePreset).orElse(null);
        String prompt = params.style().filter(s -> s.stabilityStylePreset() == null || !params.model().takesStylePreset())
                .map(s -> params.prompt() + ", " + String.join(", ", s.promptFragments()))
                .orElse(params.prompt());
        String negative = params.negativePrompt();
        return TextToImage.variations(params.variations(), params.seed(), inputs.progress(), seed ->
                TextToImage.stability(inputs.providers(), params.model(), new TextToImage.Request(prompt, negative,
                        params.aspectRatio(), preset, null, seed)));
    }
}
