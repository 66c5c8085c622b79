package com.imagestudio.flow.activities.nodes.social;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.Colors;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
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
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One picture into several platform formats at once. The formats are one text parameter, a
 * comma-separated list of format ids, checked by a pattern built from {@link SocialFormat}: it
 * keeps the order the user chose (the order of the output list), validates in the editor and in
 * the JSON Schema like any parameter, and grows by itself when a format is added.
 */
@AutoService(NodeDefinition.class)
public final class SocialFanOut implements StudioNode<SocialFanOut.Params> {

    public record Params(List<SocialFormat> formats, CropMode mode, String background, boolean showSafeZones) {
    }

    private static final String IDS = Arrays.stream(SocialFormat.values()).map(SocialFormat::id)
            .collect(Collectors.joining("|"));

    private static final NodeSchema SCHEMA = NodeSchema.builder("SocialFanOut", 1)
            .displayName("Social fan-out")
            .category("Social")
            .description("Make one picture into several social formats at once: a list of images, one per format, "
                    + "in the order given.")
            .aliases("social pack", "all platforms", "multi crop", "instagram", "facebook", "linkedin")
            .input(Port.required("image", PortType.IMAGE, "The picture"))
            .output(Port.required("images", PortType.IMAGE_LIST, "One image per format, in the order given"))
            .output(Port.required("formats", PortType.TEXT, "The format ids of the images, comma-separated"))
            .param(ParamSpec.string("formats", "Comma-separated format ids, from: " + IDS.replace("|", ", "))
                    .matching("^\\s*(" + IDS + ")\\s*(,\\s*(" + IDS + ")\\s*)*$")
                    .withDefault("instagram_square,instagram_story,facebook_post,x_post,linkedin_post"))
            .param(SocialCrop.MODE)
            .param(SocialCrop.BACKGROUND)
            .param(SocialCrop.SAFE_ZONES)
            .cost(CostFunction.free())
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        List<SocialFormat> formats = new ArrayList<>(new LinkedHashSet<>(
                Arrays.stream(values.string("formats").split(",")).map(SocialFormat::ofId).toList()));
        return new Params(formats, values.choice("mode", CropMode.class), values.string("background"),
                values.bool("showSafeZones"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        ImageInput input = inputs.image("image");
        ImageInfo info = input.info();
        int minWidth = 1;
        int minHeight = 1;
        for (SocialFormat format : params.formats()) {
            int[] needed = SocialCropper.neededSize(info.width(), info.height(), format, params.mode());
            minWidth = Math.max(minWidth, needed[0]);
            minHeight = Math.max(minHeight, needed[1]);
        }
        Scalar background = Colors.bgra(params.background());
        List<Mat> images = new ArrayList<>();
        try (Mat source = input.decodeAtLeast(minWidth, minHeight)) {
            SocialCropper cropper = new SocialCropper(source);
            for (SocialFormat format : params.formats()) {
                images.add(cropper.render(format, params.mode(), background, params.showSafeZones()));
            }
        } catch (RuntimeException e) {
            images.forEach(Mat::close);
            throw e;
        }
        String ids = params.formats().stream().map(SocialFormat::id).collect(Collectors.joining(","));
        return NodeOutputs.create().images("images", images).value("formats", PortValue.text(ids));
    }
}
