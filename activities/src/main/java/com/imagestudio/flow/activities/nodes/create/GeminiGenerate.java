package com.imagestudio.flow.activities.nodes.create;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.provider.ProviderRequirement;
import com.imagestudio.flow.catalog.reference.AspectRatio;
import com.imagestudio.flow.catalog.reference.ProviderCosts;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;

/** Text to image with Gemini's image model. */
@AutoService(NodeDefinition.class)
public final class GeminiGenerate implements StudioNode<GeminiGenerate.Params> {

    public record Params(String prompt, AspectRatio aspectRatio, int variations) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("GeminiGenerate", 1)
            .displayName("Generate (Gemini)")
            .category("Create")
            .description("Generate images from a prompt with Google's Gemini image model.")
            .aliases("nano banana", "google", "text to image")
            .output(TextToImage.imageOutput())
            .output(TextToImage.imagesOutput())
            .param(ParamSpec.string("prompt", "What to see in the image").mandatory())
            .param(ParamSpec.choice("aspect_ratio", "Shape of the image", AspectRatio.class).withDefault(AspectRatio.SQUARE))
            .param(TextToImage.variationsParam())
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.GEMINI))
            .cost(p -> ProviderCosts.credits("gemini.image") * p.integer("variations"))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("prompt"), values.choice("aspect_ratio", AspectRatio.class),
                values.integer("variations"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        return TextToImage.variations(params.variations(), 0, inputs.progress(), seed ->
                TextToImage.gemini(inputs.providers(), new TextToImage.Request(params.prompt(), "",
                        params.aspectRatio(), null, null, 0)));
    }
}
