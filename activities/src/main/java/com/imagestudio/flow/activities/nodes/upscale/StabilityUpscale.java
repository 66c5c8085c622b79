package com.imagestudio.flow.activities.nodes.upscale;

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
 * Upscales with Stability AI: fast (4x, synchronous), conservative (synchronous) or creative
 * (asynchronous: the node polls for the result and reports progress while it waits).
 */
@AutoService(NodeDefinition.class)
public final class StabilityUpscale implements StudioNode<StabilityUpscale.Params> {

    /** Fast upscale accepts 1,024 to 1,048,576 input pixels; creative at most 1,048,576. */
    static final long MAX_FAST_PIXELS = 1_048_576L;

    public record Params(UpscaleMode mode, String prompt, String negativePrompt, double creativity, long seed) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("StabilityUpscale", 1)
            .displayName("Upscale (Stability AI)")
            .category("Upscale")
            .description("Increase resolution with Stability AI: fast 4x, conservative or creative up to 4 megapixels.")
            .aliases("super resolution", "enlarge", "enhance", "4x")
            .input(Port.required("image", PortType.IMAGE, "The image to upscale"))
            .output(Port.required("image", PortType.IMAGE, "The upscaled image"))
            .param(ParamSpec.choice("mode", "Which upscaler", UpscaleMode.class).withDefault(UpscaleMode.FAST))
            .param(ParamSpec.string("prompt", "What the image shows (conservative and creative need it)").withDefault(""))
            .param(ParamSpec.string("negative_prompt", "What not to add").withDefault(""))
            .param(ParamSpec.number("creativity", "How much detail to invent (conservative and creative)")
                    .between(0.1, 0.5).withDefault(0.3))
            .param(ParamSpec.integer("seed", "Seed for repeatable results; 0 picks a new one each time")
                    .between(0, Integer.MAX_VALUE).withDefault(0))
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.STABILITY))
            .cost(p -> ProviderCosts.credits(p.choice("mode", UpscaleMode.class).costKey()))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("mode", UpscaleMode.class), values.string("prompt"),
                values.string("negative_prompt"), values.number("creativity"), values.integer("seed"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        var image = inputs.image("image");
        if (params.mode() != UpscaleMode.CONSERVATIVE && image.info().pixels() > MAX_FAST_PIXELS) {
            throw new BadInputException("the " + params.mode().label() + " upscaler takes at most 1 megapixel ("
                    + MAX_FAST_PIXELS + " pixels); this image has " + image.info().pixels()
                    + ": resize it first or use the conservative mode");
        }
        if (params.mode() != UpscaleMode.FAST && params.prompt().isBlank()) {
            throw new BadInputException("the " + params.mode().label() + " upscaler needs a prompt describing the image");
        }
        StabilityClient.Form form = StabilityClient.Form.to(params.mode().path())
                .file("image", ProviderMedia.upload("image", image))
                .field("output_format", "png");
        if (params.mode() != UpscaleMode.FAST) {
            form.field("prompt", params.prompt())
                    .field("negative_prompt", params.negativePrompt())
                    .field("creativity", params.creativity())
                    .field("seed", params.seed() == 0 ? null : params.seed());
        }
        StabilityClient stability = inputs.providers().stability();
        byte[] out = switch (params.mode()) {
            case FAST -> stability.image(form, Duration.ofSeconds(60));
            case CONSERVATIVE -> stability.image(form, Duration.ofSeconds(180));
            case CREATIVE -> stability.imageAsync(form, PollSchedule.IMAGE, inputs.progress());
        };
        return NodeOutputs.create().encoded("image", ProviderMedia.image(Provider.STABILITY, out));
    }
}
