package com.imagestudio.flow.activities.nodes.encode;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.EncodeSettings;
import com.imagestudio.flow.activities.image.ImageCodec;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes an image as JPEG, PNG, WebP or AVIF. The pixels are re-encoded, so no metadata (EXIF, GPS,
 * camera data) survives; the EXIF orientation is applied to the pixels when decoding.
 */
@AutoService(NodeDefinition.class)
public final class Encode implements StudioNode<Encode.Params> {

    public record Params(OutputFormat format, int quality, boolean progressive) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("Encode", 1)
            .displayName("Encode")
            .category("Output")
            .description("Write the image as JPEG, PNG, WebP or AVIF at a quality; metadata is always stripped.")
            .aliases("compress", "convert", "save as", "jpeg", "png", "webp", "avif")
            .input(Port.required("image", PortType.IMAGE, "The image to encode"))
            .output(Port.required("image", PortType.IMAGE, "The encoded image"))
            .param(ParamSpec.choice("format", "File format", OutputFormat.class).withDefault(OutputFormat.JPEG))
            .param(ParamSpec.integer("quality", "Quality for JPEG, WebP and AVIF, 1 (smallest) to 100 (best)")
                    .between(1, 100).withDefault(85))
            .param(ParamSpec.bool("progressive", "Progressive JPEG: shows a preview while loading"))
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("format", OutputFormat.class), values.integer("quality"),
                values.bool("progressive"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        try (Mat image = inputs.image("image").decodeToRead()) {
            var settings = new EncodeSettings(params.format().format(), params.quality(), params.progressive());
            return NodeOutputs.create().encoded("image", ImageCodec.encode(image, settings));
        }
    }
}
