package com.imagestudio.flow.activities.nodes.faceswap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.providers.PollSchedule;
import com.imagestudio.flow.activities.providers.ProviderJson;
import com.imagestudio.flow.activities.providers.ProviderMedia;
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
 * Puts a face onto a photo with a WaveSpeed face swap model. The models differ only in the names
 * of their inputs: face swap pro and head swap take {@code image}, {@code face_image} and
 * {@code target_index}; the Akool multi-face model takes {@code image}, {@code source_image} and
 * the face to replace as {@code target_image}; InfiniteYou takes {@code target_image} and
 * {@code source_image}.
 */
@AutoService(NodeDefinition.class)
public final class FaceSwap implements StudioNode<FaceSwap.Params> {

    public record Params(FaceSwapModel model, int targetIndex, boolean enhance) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("FaceSwap", 1)
            .displayName("Face swap (WaveSpeed)")
            .category("Face swap")
            .description("Put the face from one image onto a person in a photo: face, whole head, one face of a group, "
                    + "or identity-preserving.")
            .aliases("face swap", "head swap", "infiniteyou", "replace face")
            .input(Port.required("image", PortType.IMAGE, "The photo whose face is replaced"))
            .input(Port.required("face", PortType.IMAGE, "The face to put in"))
            .input(Port.optional("target_face", PortType.IMAGE, "Multi-face: a crop of the face to replace"))
            .output(Port.required("image", PortType.IMAGE, "The photo with the new face"))
            .param(ParamSpec.choice("model", "Face swap model", FaceSwapModel.class).withDefault(FaceSwapModel.FACE_SWAP_PRO))
            .param(ParamSpec.integer("target_index", "Which face to replace, 0 = the largest (face swap pro, head swap)")
                    .between(0, 10).withDefault(0))
            .param(ParamSpec.bool("enhance", "Enhance the swapped face (multi-face)"))
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .providers(ProviderRequirement.fixed(Provider.WAVESPEED))
            .cost(p -> ProviderCosts.credits(p.choice("model", FaceSwapModel.class).costKey()))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("model", FaceSwapModel.class), values.integer("target_index"), values.bool("enhance"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        if (params.model() == FaceSwapModel.MULTI_FACE && !inputs.has("target_face")) {
            throw new BadInputException("multi-face swap needs the face to replace: connect a crop of it to target_face");
        }
        WaveSpeedClient wavespeed = inputs.providers().waveSpeed();
        String image = wavespeed.upload(ProviderMedia.upload("image", inputs.image("image")));
        String face = wavespeed.upload(ProviderMedia.upload("face", inputs.image("face")));
        ObjectNode input = ProviderJson.object();
        switch (params.model()) {
            case FACE_SWAP_PRO, HEAD_SWAP -> {
                input.put("image", image);
                input.put("face_image", face);
                input.put("target_index", params.targetIndex());
                input.put("output_format", "png");
            }
            case MULTI_FACE -> {
                input.put("image", image);
                input.put("source_image", face);
                input.put("target_image", wavespeed.upload(ProviderMedia.upload("target", inputs.image("target_face"))));
                input.put("face_enhance", params.enhance());
            }
            case INFINITE_YOU -> {
                input.put("target_image", image);
                input.put("source_image", face);
            }
        }
        var output = wavespeed.run(params.model().modelId(), input, PollSchedule.IMAGE, inputs.progress());
        return NodeOutputs.create().encoded("image", ProviderMedia.image(Provider.WAVESPEED, output.bytes()));
    }
}
