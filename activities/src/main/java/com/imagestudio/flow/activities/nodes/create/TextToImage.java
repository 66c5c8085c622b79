package com.imagestudio.flow.activities.nodes.create;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.imagestudio.flow.activities.image.EncodedImage;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.providers.PollSchedule;
import com.imagestudio.flow.activities.providers.ProgressListener;
import com.imagestudio.flow.activities.providers.ProviderClients;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.ProviderMedia;
import com.imagestudio.flow.activities.providers.stability.StabilityClient;
import com.imagestudio.flow.catalog.provider.Provider;
import com.imagestudio.flow.catalog.reference.AspectRatio;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Text to image on each provider, shared by the provider nodes and {@link CreateImage}: one
 * request per image, in the provider's own terms (ratio names, pixel sizes), and the batch of
 * variations every create node offers.
 */
final class TextToImage {

    static final Set<AspectRatio> STABILITY_RATIOS = EnumSet.of(AspectRatio.SQUARE, AspectRatio.LANDSCAPE_16_9,
            AspectRatio.PORTRAIT_9_16, AspectRatio.LANDSCAPE_21_9, AspectRatio.PORTRAIT_9_21, AspectRatio.LANDSCAPE_3_2,
            AspectRatio.PORTRAIT_2_3, AspectRatio.LANDSCAPE_5_4, AspectRatio.PORTRAIT_4_5);
    static final Set<AspectRatio> IDEOGRAM_RATIOS = EnumSet.of(AspectRatio.SQUARE, AspectRatio.LANDSCAPE_16_9,
            AspectRatio.PORTRAIT_9_16, AspectRatio.LANDSCAPE_4_3, AspectRatio.PORTRAIT_3_4);
    static final Set<AspectRatio> GEMINI_RATIOS = EnumSet.complementOf(EnumSet.of(AspectRatio.PORTRAIT_9_21));

    static final String HUGGING_FACE_MODEL = "black-forest-labs/FLUX.1-schnell";
    static final String GEMINI_MODEL = "gemini-2.5-flash-image";
    static final int MAX_VARIATIONS = 10;

    private TextToImage() {
    }

    /** What every text-to-image request says. {@code seed} 0 lets the provider pick. */
    record Request(String prompt, String negativePrompt, AspectRatio ratio, String stabilityStyle,
                   String ideogramStyle, long seed) {
    }

    static ParamSpec variationsParam() {
        return ParamSpec.integer("variations", "How many images to make, 1 to 10; each has its own seed")
                .between(1, MAX_VARIATIONS).withDefault(1);
    }

    static ParamSpec seedParam() {
        return ParamSpec.integer("seed", "Seed for repeatable results; 0 picks a new one each time")
                .between(0, Integer.MAX_VALUE).withDefault(0);
    }

    static Port imageOutput() {
        return Port.required("image", PortType.IMAGE, "The first generated image");
    }

    static Port imagesOutput() {
        return Port.required("images", PortType.IMAGE_LIST, "Every variation, in order");
    }

    /** Makes {@code count} images; variation i uses seed + i when a seed is given. */
    static NodeOutputs variations(int count, long seed, ProgressListener progress, LongFunction<EncodedImage> make) {
        List<EncodedImage> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(make.apply(seed == 0 ? 0 : seed + i));
            if (count > 1) {
                progress.progress("variation " + (i + 1) + " of " + count + " done");
            }
        }
        return NodeOutputs.create().encoded("image", images.get(0)).encodedList("images", images);
    }

    static EncodedImage stability(ProviderClients providers, StabilityModel model, Request request) {
        AspectRatio ratio = AspectRatio.nearest(widthOf(request.ratio()), heightOf(request.ratio()), STABILITY_RATIOS);
        StabilityClient.Form form = StabilityClient.Form.to(model.path())
                .field("prompt", request.prompt())
                .field("negative_prompt", request.negativePrompt())
                .field("aspect_ratio", ratio.label())
                .field("model", model.model())
                .field("style_preset", model.takesStylePreset() ? request.stabilityStyle() : null)
                .field("seed", request.seed() == 0 ? null : request.seed())
                .field("output_format", "png");
        return ProviderMedia.image(Provider.STABILITY, providers.stability().image(form, Duration.ofSeconds(90)));
    }

    static EncodedImage waveSpeed(ProviderClients providers, WaveSpeedImageModel model, Request request,
                                  ProgressListener progress) {
        ObjectNode input = ProviderJson.object();
        input.put("prompt", request.prompt());
        if (model == WaveSpeedImageModel.IDEOGRAM_V3_TURBO) {
            input.put("aspect_ratio", AspectRatio.nearest(widthOf(request.ratio()), heightOf(request.ratio()),
                    IDEOGRAM_RATIOS).label());
            input.put("style", request.ideogramStyle() == null ? "Auto" : request.ideogramStyle());
        } else {
            int[] size = pixelSize(request.ratio(), 1024 * 1024, 16, 256, 1536);
            input.put("size", size[0] + "*" + size[1]);
            input.put("output_format", "png");
            if (request.seed() != 0) {
                input.put("seed", request.seed());
            }
        }
        input.put("enable_base64_output", false);
        var output = providers.waveSpeed().run(model.modelId(), input, PollSchedule.IMAGE, progress);
        return ProviderMedia.image(Provider.WAVESPEED, output.bytes());
    }

    static EncodedImage huggingFace(ProviderClients providers, String model, Request request) {
        int[] size = pixelSize(request.ratio(), 1024 * 1024, 64, 256, 2048);
        ObjectNode parameters = ProviderJson.object();
        parameters.put("width", size[0]).put("height", size[1]);
        if (!request.negativePrompt().isBlank()) {
            parameters.put("negative_prompt", request.negativePrompt());
        }
        if (request.seed() != 0) {
            parameters.put("seed", request.seed());
        }
        return ProviderMedia.image(Provider.HUGGING_FACE, providers.huggingFace().textToImage(model, request.prompt(), parameters));
    }

    static EncodedImage gemini(ProviderClients providers, Request request) {
        AspectRatio ratio = AspectRatio.nearest(widthOf(request.ratio()), heightOf(request.ratio()), GEMINI_RATIOS);
        String prompt = request.negativePrompt().isBlank() ? request.prompt()
                : request.prompt() + ". Avoid: " + request.negativePrompt();
        var image = providers.gemini().generate(GEMINI_MODEL, prompt, List.of(), ratio.label());
        return ProviderMedia.image(Provider.GEMINI, image.bytes());
    }

    /** Width and height for a ratio with about {@code area} pixels, multiples of {@code step}, clamped. */
    static int[] pixelSize(AspectRatio ratio, int area, int step, int min, int max) {
        double r = ratio.value();
        int w = (int) Math.round(Math.sqrt(area * r) / step) * step;
        int h = (int) Math.round(Math.sqrt(area / r) / step) * step;
        return new int[] {Math.max(min, Math.min(max, w)), Math.max(min, Math.min(max, h))};
    }

    private static int widthOf(AspectRatio ratio) {
        return (int) Math.round(ratio.value() * 1000);
    }

    private static int heightOf(AspectRatio ratio) {
        return 1000;
    }
}
