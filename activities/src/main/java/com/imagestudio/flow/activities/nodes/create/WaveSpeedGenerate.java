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

/** Text to image through WaveSpeed: Ideogram V3 Turbo (text in images) or Qwen Image. */
@AutoService(NodeDefinition.class)
public final class WaveSpeedGenerate implements StudioNode<WaveSpeedGenerate.Params> {

    public record Params(String prompt, WaveSpeedImageModel model, AspectRatio aspectRatio,
                         Optional<StylePreset> style, long seed, int variations) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("WaveSpeedGenerate", 1)
            .displayName("Generate (WaveSpeed)")
            .category("Create")
            .description("Generate images from a prompt on WaveSpeed with Ideogram V3 Turbo or Qwen Image; "
                    + "both render text in images well.")
            .aliases("ideogram", "qwen", "text to image", "poster", "typography")
            .output(TextToImage.imageOutput())
            .output(TextToImage.imagesOutput())
            .param(ParamSpec.string("prompt", "What to see in the image, including any text to render").mandatory())
            .param(ParamSpec.choice("model", "WaveSpeed model", WaveSpeedImageModel.class)
                    .withDefault(WaveSpeedImageModel.IDEOGRAM_V3_TURBO))
            .param(ParamSpec.choice("aspect_ratio", "Shape of the image", AspectRatio.class).withDefault(AspectRatio.SQUARE))
            .param(CreateStudioParams.style("style", "A style preset"))
            .param(TextToImage.seedParam())
            .param(TextToImage.variationsParam())
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.WAVESPEED))
            .cost(p -> ProviderCosts.credits(p.choice("model", WaveSpeedImageModel.class).costKey()) * p.integer("variations"))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("prompt"), values.choice("model", WaveSpeedImageModel.class),
                values.choice("aspect_ratio", AspectRatio.class), StylePresets.find(values.string("style")),
                values.integer("seed"), values.integer("variations"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        String prompt = params.style().map(s -> params.prompt() + ", " + String.join(", ", s.promptFragments()))
                .orElse(params.prompt());
        String ideogramStyle = params.style().map(StylePreset::ideogramStyle).orElse(null);
        return TextToImage.variations(params.variations(), params.seed(), inputs.progress(), seed ->
                TextToImage.waveSpeed(inputs.providers(), params.model(),
                        new TextToImage.Request(prompt, "", params.aspectRatio(), null, ideogramStyle, seed),
                        inputs.progress()));
    }
}
