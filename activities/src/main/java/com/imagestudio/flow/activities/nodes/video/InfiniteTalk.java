package com.imagestudio.flow.activities.nodes.video;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.BadInputException;
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
 * A talking avatar (InfiniteTalk on WaveSpeed): a portrait and a voice track become a lip-synced
 * video as long as the audio (up to 10 minutes). WaveSpeed bills per second of audio, which the
 * cost estimate cannot know: it uses {@code expected_seconds}.
 */
@AutoService(NodeDefinition.class)
public final class InfiniteTalk implements StudioNode<InfiniteTalk.Params> {

    static final String MODEL = "wavespeed-ai/infinitetalk";

    public record Params(String prompt, VideoResolution resolution, long seed) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("InfiniteTalk", 1)
            .displayName("Talking avatar (InfiniteTalk)")
            .category("Video")
            .description("Make the person in a portrait speak or sing an audio track, with lip sync and natural motion.")
            .aliases("lip sync", "avatar", "talking head", "digital human")
            .input(Port.required("image", PortType.IMAGE, "A portrait of the person"))
            .input(Port.required("audio", PortType.AUDIO, "What they say or sing"))
            .output(Port.required("video", PortType.VIDEO, "The talking video (MP4)"))
            .param(ParamSpec.string("prompt", "Expression, pose or scene guidance (optional)").withDefault(""))
            .param(ParamSpec.choice("resolution", "480p or 720p", VideoResolution.class).withDefault(VideoResolution.P480))
            .param(ParamSpec.integer("expected_seconds", "Audio length in seconds, for the cost estimate").between(5, 600)
                    .withDefault(15))
            .param(ParamSpec.integer("seed", "Seed for repeatable results; 0 picks a new one each time")
                    .between(0, Integer.MAX_VALUE).withDefault(0))
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.WAVESPEED))
            .cost(p -> ProviderCosts.credits("wavespeed.infinitetalk."
                    + (p.choice("resolution", VideoResolution.class) == VideoResolution.P480 ? "480p" : "720p")
                    + ".per-second") * p.integer("expected_seconds"))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("prompt"), values.choice("resolution", VideoResolution.class),
                values.integer("seed"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        if (params.resolution() == VideoResolution.P1080) {
            throw new BadInputException("InfiniteTalk makes 480p or 720p videos, not 1080p");
        }
        WaveSpeedClient wavespeed = inputs.providers().waveSpeed();
        ObjectNode input = ProviderJson.object();
        input.put("image", wavespeed.upload(VideoMedia.image("image", inputs.image("image"))));
        input.put("audio", wavespeed.upload(VideoMedia.audio(inputs.bytes("audio"), inputs.value("audio").blob().mediaType())));
        if (!params.prompt().isBlank()) {
            input.put("prompt", params.prompt());
        }
        input.put("resolution", params.resolution().label());
        input.put("seed", params.seed() == 0 ? -1 : params.seed());
        var output = wavespeed.run(MODEL, input, PollSchedule.VIDEO, inputs.progress());
        return NodeOutputs.create().media("video", VideoMedia.mp4(output));
    }
}
