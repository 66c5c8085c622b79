package com.imagestudio.flow.activities.nodes.create;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.EncodedImage;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.providers.ProviderClients;
import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.reference.AspectRatio;
import com.imagestudio.flow.catalog.reference.CreateStudioParams;
import com.imagestudio.flow.catalog.reference.PlatformTemplate;
import com.imagestudio.flow.catalog.reference.PlatformTemplates;
import com.imagestudio.flow.catalog.reference.PromptExpander;
import com.imagestudio.flow.catalog.reference.ProviderCosts;
import com.imagestudio.flow.catalog.reference.StylePreset;
import com.imagestudio.flow.catalog.reference.StylePresets;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeFlag;
import com.imagestudio.flow.catalog.schema.NodeKind;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The create studio in one node: a prompt, a publishing template (which sets the shape and a
 * composition hint, and suggests a provider), a style preset, optional prompt enhancement, and
 * 1 to 10 variations, on a chosen provider or the first one with a key.
 */
@AutoService(NodeDefinition.class)
public final class CreateImage implements StudioNode<CreateImage.Params> {

    /** The order AUTO tries providers in, after the template's suggestion. */
    static final List<Provider> PREFERENCE = List.of(Provider.STABILITY, Provider.GEMINI, Provider.WAVESPEED,
            Provider.HUGGING_FACE);

    public record Params(String prompt, String negativePrompt, ProviderChoice provider, Optional<PlatformTemplate> template,
                         AspectRatio aspectRatio, Optional<StylePreset> style, boolean enhancePrompt, long seed,
                         int variations) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("CreateImage", 1)
            .displayName("Create image")
            .category("Create")
            .description("Create images for a platform from a prompt: pick a template and a style, let the prompt "
                    + "be enhanced, make up to 10 variations, on any configured provider.")
            .aliases("generate", "text to image", "social post", "template", "style", "variations")
            .output(TextToImage.imageOutput())
            .output(TextToImage.imagesOutput())
            .output(Port.required("prompt", PortType.TEXT, "The prompt as sent, after enhancement"))
            .param(ParamSpec.string("prompt", "What to see in the image").mandatory())
            .param(ParamSpec.string("negative_prompt", "What not to see").withDefault(""))
            .param(ParamSpec.choice("provider", "Who creates the image", ProviderChoice.class).withDefault(ProviderChoice.AUTO))
            .param(CreateStudioParams.template("template", "Publishing format: sets the shape and composition",
                    "instagram_square"))
            .param(ParamSpec.choice("aspect_ratio", "Shape when no template is chosen", AspectRatio.class)
                    .withDefault(AspectRatio.SQUARE))
            .param(CreateStudioParams.style("style", "A style preset"))
            .param(ParamSpec.bool("enhance_prompt", "Add the style's and template's wording and quality words to the prompt")
                    .withDefault(true))
            .param(TextToImage.seedParam())
            .param(TextToImage.variationsParam())
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(CreateImage::candidates)
            .cost(CreateImage::cost)
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("prompt"), values.string("negative_prompt"),
                values.choice("provider", ProviderChoice.class), PlatformTemplates.find(values.string("template")),
                values.choice("aspect_ratio", AspectRatio.class), StylePresets.find(values.string("style")),
                values.bool("enhance_prompt"), values.integer("seed"), values.integer("variations"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        ProviderClients providers = inputs.providers();
        Provider provider = params.provider().provider() != null ? params.provider().provider()
                : providers.firstConfigured(order(params.template()));
        PromptExpander.Expanded expanded = params.enhancePrompt()
                ? PromptExpander.expand(params.prompt(), params.style().orElse(null), params.template().orElse(null))
                : new PromptExpander.Expanded(params.prompt(), "");
        String negative = join(params.negativePrompt(), expanded.negativePrompt());
        AspectRatio ratio = params.template().map(t -> t.nearestRatio(EnumSet.allOf(AspectRatio.class)))
                .orElse(params.aspectRatio());
        String stabilityStyle = params.style().map(StylePreset::stabilityStylePreset).orElse(null);
        String ideogramStyle = params.style().map(StylePreset::ideogramStyle).orElse(null);
        NodeOutputs outputs = TextToImage.variations(params.variations(), params.seed(), inputs.progress(), seed -> {
            var request = new TextToImage.Request(expanded.prompt(), negative, ratio, stabilityStyle, ideogramStyle, seed);
            return generate(providers, provider, params.template(), request, inputs);
        });
        return outputs.value("prompt", PortValue.text(expanded.prompt()));
    }

    private static EncodedImage generate(ProviderClients providers, Provider provider, Optional<PlatformTemplate> template,
                                         TextToImage.Request request, NodeInputs inputs) {
        return switch (provider) {
            case STABILITY -> TextToImage.stability(providers, stabilityModel(template), request);
            case WAVESPEED -> TextToImage.waveSpeed(providers, WaveSpeedImageModel.IDEOGRAM_V3_TURBO, request, inputs.progress());
            case HUGGING_FACE -> TextToImage.huggingFace(providers, TextToImage.HUGGING_FACE_MODEL, request);
            case GEMINI -> TextToImage.gemini(providers, request);
        };
    }

    /** Ultra when the template suggests it, else Core. */
    static StabilityModel stabilityModel(Optional<PlatformTemplate> template) {
        return template.filter(t -> t.suggestedProvider() == Provider.STABILITY && "ultra".equals(t.suggestedModel()))
                .map(t -> StabilityModel.ULTRA).orElse(StabilityModel.CORE);
    }

    static List<Provider> order(Optional<PlatformTemplate> template) {
        Set<Provider> order = new LinkedHashSet<>();
        template.ifPresent(t -> order.add(t.suggestedProvider()));
        order.addAll(PREFERENCE);
        return new ArrayList<>(order);
    }

    private static Set<Provider> candidates(ParamValues params) {
        ProviderChoice choice = ProviderChoice.valueOf(params.stringOr("provider", "auto").toUpperCase());
        return choice.provider() == null ? EnumSet.copyOf(PREFERENCE) : EnumSet.of(choice.provider());
    }

    /** Credits per variation of the chosen provider; for AUTO, the dearest candidate (an upper bound). */
    private static int cost(ParamValues params) {
        Optional<PlatformTemplate> template = PlatformTemplates.find(params.string("template"));
        int each = candidates(params).stream().mapToInt(p -> switch (p) {
            case STABILITY -> ProviderCosts.credits(stabilityModel(template).costKey());
            case WAVESPEED -> ProviderCosts.credits(WaveSpeedImageModel.IDEOGRAM_V3_TURBO.costKey());
            case HUGGING_FACE -> ProviderCosts.credits("hugging-face.text-to-image");
            case GEMINI -> ProviderCosts.credits("gemini.image");
        }).max().orElse(0);
        return each * params.integer("variations");
    }

    private static String join(String a, String b) {
        if (a.isBlank()) {
            return b;
        }
        return b.isBlank() ? a : a + ", " + b;
    }
}
