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

/** Text to image with a model on Hugging Face Inference. */
@AutoService(NodeDefinition.class)
public final class HuggingFaceGenerate implements StudioNode<HuggingFaceGenerate.Params> {

    public record Params(String prompt, String negativePrompt, String model, AspectRatio aspectRatio, long seed,
                         int variations) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("HuggingFaceGenerate", 1)
            .displayName("Generate (Hugging Face)")
            .category("Create")
            .description("Generate images from a prompt with a text-to-image model on Hugging Face Inference.")
            .aliases("flux", "sdxl", "text to image", "hugging face")
            .output(TextToImage.imageOutput())
            .output(TextToImage.imagesOutput())
            .param(ParamSpec.string("prompt", "What to see in the image").mandatory())
            .param(ParamSpec.string("negative_prompt", "What not to see").withDefault(""))
            .param(ParamSpec.string("model", "Model id on the Hub (owner/name)")
                    .matching("[A-Za-z0-9_.-]{1,96}/[A-Za-z0-9_.-]{1,96}").withDefault(TextToImage.HUGGING_FACE_MODEL))
            .param(ParamSpec.choice("aspect_ratio", "Shape of the image", AspectRatio.class).withDefault(AspectRatio.SQUARE))
            .param(TextToImage.seedParam())
            .param(TextToImage.variationsParam())
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.HUGGING_FACE))
            .cost(p -> ProviderCosts.credits("hugging-face.text-to-image") * p.integer("variations"))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("prompt"), values.string("negative_prompt"), values.string("model"),
                values.choice("aspect_ratio", AspectRatio.class), values.integer("seed"), values.integer("variations"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        return TextToImage.variations(params.variations(), params.seed(), inputs.progress(), seed ->
                TextToImage.huggingFace(inputs.providers(), params.model(), new TextToImage.Request(params.prompt(),
                        params.negativePrompt(), params.aspectRatio(), null, null, seed)));
    }
}
