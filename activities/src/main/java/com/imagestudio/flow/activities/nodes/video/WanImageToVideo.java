package com.imagestudio.flow.activities.nodes.video;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.providers.PollSchedule;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.wavespeed.WaveSpeedClient;
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

/**
 * Animates an image into a short video with sound (Alibaba WAN 2.5 image-to-video on WaveSpeed):
 * the image (and optional audio) are uploaded, the prediction polled with heartbeats, the MP4
 * downloaded into the blob store.
 */
@AutoService(NodeDefinition.class)
public final class WanImageToVideo implements StudioNode<WanImageToVideo.Params> {

    static final String MODEL = "alibaba/wan-2.5/image-to-video";

    public record Params(String prompt, String negativePrompt, VideoResolution resolution, ClipLength duration,
                         boolean expandPrompt, long seed) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("WanImageToVideo", 1)
            .displayName("Image to video (WAN 2.5)")
            .category("Video")
            .description("Bring a still image to life: a 5 or 10 second clip at up to 1080p, with generated or given audio.")
            .aliases("animate", "image to video", "i2v", "wan")
            .input(Port.required("image", PortType.IMAGE, "The first frame"))
            .input(Port.optional("audio", PortType.AUDIO, "Audio to guide the clip (WAV or MP3, 3 to 30 s)"))
            .output(Port.required("video", PortType.VIDEO, "The clip (MP4)"))
            .param(ParamSpec.string("prompt", "What happens in the clip").mandatory())
            .param(ParamSpec.string("negative_prompt", "What to avoid").withDefault(""))
            .param(ParamSpec.choice("resolution", "Video resolution", VideoResolution.class).withDefault(VideoResolution.P720))
            .param(ParamSpec.choice("duration", "Clip length", ClipLength.class).withDefault(ClipLength.FIVE_SECONDS))
            .param(ParamSpec.bool("expand_prompt", "Let the provider rewrite a short prompt in more detail"))
            .param(ParamSpec.integer("seed", "Seed for repeatable results; 0 picks a new one each time")
                    .between(0, Integer.MAX_VALUE).withDefault(0))
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.WAVESPEED))
            .cost(p -> ProviderCosts.credits("wavespeed.wan-2.5-i2v." + p.choice("resolution", VideoResolution.class).label()
                    + ".per-second") * p.choice("duration", ClipLength.class).seconds())
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("prompt"), values.string("negative_prompt"),
                values.choice("resolution", VideoResolution.class), values.choice("duration", ClipLength.class),
                values.bool("expand_prompt"), values.integer("seed"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        WaveSpeedClient wavespeed = inputs.providers().waveSpeed();
        ObjectNode input = ProviderJson.object();
        input.put("image", wavespeed.upload(VideoMedia.image("image", inputs.image("image"))));
        if (inputs.has("audio")) {
            input.put("audio", wavespeed.upload(VideoMedia.audio(inputs.bytes("audio"),
                    inputs.value("audio").blob().mediaType())));
        }
        input.put("prompt", params.prompt());
        if (!params.negativePrompt().isBlank()) {
            input.put("negative_prompt", params.negativePrompt());
        }
        input.put("resolution", params.resolution().label());
        input.put("duration", params.duration().seconds());
        input.put("enable_prompt_expansion", params.expandPrompt());
        input.put("seed", params.seed() == 0 ? -1 : params.seed());
        var output = wavespeed.run(MODEL, input, PollSchedule.VIDEO, inputs.progress());
        return NodeOutputs.create().media("video", VideoMedia.mp4(output));
    }
}
