package com.imagestudio.flow.activities.nodes.social;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.Colors;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.reference.SocialFormat;
import com.imagestudio.flow.catalog.schema.CostFunction;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;

/** Makes a picture into one social platform's format, at its exact size. */
@AutoService(NodeDefinition.class)
public final class SocialCrop implements StudioNode<SocialCrop.Params> {

    public record Params(SocialFormat format, CropMode mode, String background, boolean showSafeZones) {
    }

    static final ParamSpec MODE = ParamSpec.choice("mode", "How the picture meets the format", CropMode.class)
            .withDefault(CropMode.SMART);
    static final ParamSpec BACKGROUND = ParamSpec.color("background", "Colour around the picture in fit mode")
            .withDefault("#ffffff");
    static final ParamSpec SAFE_ZONES = ParamSpec.bool("showSafeZones",
            "Preview: tint the zones the platform's interface covers (do not publish with this on)");

    private static final NodeSchema SCHEMA = NodeSchema.builder("SocialCrop", 1)
            .displayName("Social crop")
            .category("Social")
            .description("Crop or fit a picture to a social platform's format (Instagram, Facebook, X, LinkedIn, "
                    + "YouTube, Pinterest, TikTok): smart crop keeps what draws the eye and faces in.")
            .aliases("instagram", "facebook", "twitter", "linkedin", "youtube", "pinterest", "tiktok", "smart crop",
                    "story", "thumbnail", "banner")
            .input(Port.required("image", PortType.IMAGE, "The picture"))
            .output(Port.required("image", PortType.IMAGE, "The picture at the format's size"))
            .param(ParamSpec.choice("format", "The platform format", SocialFormat.class)
                    .withDefault(SocialFormat.INSTAGRAM_SQUARE))
            .param(MODE)
            .param(BACKGROUND)
            .param(SAFE_ZONES)
            .cost(CostFunction.free())
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("format", SocialFormat.class), values.choice("mode", CropMode.class),
                values.string("background"), values.bool("showSafeZones"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        ImageInput input = inputs.image("image");
        ImageInfo info = input.info();
        int[] needed = SocialCropper.neededSize(info.width(), info.height(), params.format(), params.mode());
        try (Mat source = input.decodeAtLeast(needed[0], needed[1])) {
            Mat out = new SocialCropper(source).render(params.format(), params.mode(),
                    Colors.bgra(params.background()), params.showSafeZones());
            return NodeOutputs.create().image("image", out);
        }
    }
}
