package com.imagestudio.flow.activities.nodes.encode;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.Colors;
import com.imagestudio.flow.activities.image.EncodeSettings;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.image.Overlay;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.CostFunction;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Converts between JPEG, PNG and WebP through the same encoder as {@link Encode}. What it adds:
 * the colour transparency becomes in a JPEG (Encode always uses white). PNG and WebP keep alpha.
 */
@AutoService(NodeDefinition.class)
public final class ConvertFormat implements StudioNode<ConvertFormat.Params> {

    public record Params(OutputFormat format, int quality, String background) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("ConvertFormat", 1)
            .displayName("Convert format")
            .category("Output")
            .description("Convert to JPEG, PNG or WebP. PNG and WebP keep transparency; for JPEG, which has none, "
                    + "transparent parts are laid on the background colour. Encodes as the Encode node does "
                    + "(metadata stripped); use Encode for a progressive JPEG.")
            .aliases("convert", "png to jpg", "jpg to webp", "webp to png", "flatten", "change format")
            .input(Port.required("image", PortType.IMAGE, "The image to convert"))
            .output(Port.required("image", PortType.IMAGE, "The converted file"))
            .param(ParamSpec.choice("format", "Target format", OutputFormat.class).withDefault(OutputFormat.PNG))
            .param(ParamSpec.integer("quality", "Quality for JPEG and WebP, 1 to 100").between(1, 100).withDefault(90))
            .param(ParamSpec.color("background", "Colour under transparent parts when converting to JPEG")
                    .withDefault("#ffffff"))
            .cost(CostFunction.free())
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("format", OutputFormat.class), values.integer("quality"),
                values.string("background"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        var settings = new EncodeSettings(params.format().format(), params.quality(), false);
        try (Mat image = inputs.image("image").decode()) {
            if (params.format() == OutputFormat.JPEG && image.channels() == 4) {
                try (Mat flat = Overlay.flatten(image, Colors.bgra(params.background()))) {
                    return NodeOutputs.create().encoded("image", ImageCodec.encode(flat, settings));
                }
            }
            return NodeOutputs.create().encoded("image", ImageCodec.encode(image, settings));
        }
    }
}
