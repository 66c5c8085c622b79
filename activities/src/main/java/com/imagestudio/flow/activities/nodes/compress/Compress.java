package com.imagestudio.flow.activities.nodes.compress;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.PortValue;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.activities.nodes.encode.OutputFormat;
import com.imagestudio.flow.catalog.reference.CompressionPreset;
import com.imagestudio.flow.catalog.schema.CostFunction;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;

/** The compression studio: a preset or a format and quality, a size limit, a target file size. */
@AutoService(NodeDefinition.class)
public final class Compress implements StudioNode<Compress.Params> {

    public record Params(CompressionPreset preset, Compressor.Settings settings) {

        /** What is applied: the preset's format, quality and size, or the node's own. */
        public Compressor.Settings effective() {
            return settings.with(preset);
        }
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("Compress", 1)
            .displayName("Compress")
            .category("Output")
            .description("Make the file small: a preset or a format and quality, an optional longest side, and an "
                    + "optional target file size reached by lowering the quality. Metadata is always stripped.")
            .aliases("optimize", "shrink file", "reduce size", "file size", "jpeg quality", "webp")
            .input(Port.required("image", PortType.IMAGE, "The image to compress"))
            .output(Port.required("image", PortType.IMAGE, "The compressed file"))
            .output(Port.required("quality", PortType.NUMBER, "The quality the file was written at"))
            .param(ParamSpec.choice("preset", "Ready-made settings; custom uses format and quality below",
                    CompressionPreset.class).withDefault(CompressionPreset.CUSTOM))
            .param(ParamSpec.choice("format", "File format (custom preset)", OutputFormat.class)
                    .withDefault(OutputFormat.JPEG))
            .param(ParamSpec.integer("quality", "Quality for JPEG and WebP, 1 to 100 (custom preset); "
                    + "with a target size, the highest quality tried").between(1, 100).withDefault(82))
            .param(ParamSpec.bool("progressive", "Progressive JPEG: shows a preview while loading"))
            .param(ParamSpec.integer("maxSide", "Shrink so the longest side is at most this many pixels "
                    + "(custom preset); 0 keeps the size").between(0, 16383).withDefault(0))
            .param(ParamSpec.integer("targetKb", "Largest file size in KB, reached by lowering the quality; "
                    + "0 for none (JPEG and WebP only)").between(0, 1_000_000).withDefault(0))
            .cost(CostFunction.free())
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("preset", CompressionPreset.class), new Compressor.Settings(
                values.choice("format", OutputFormat.class), values.integer("quality"), values.bool("progressive"),
                values.integer("maxSide"), values.integer("targetKb")));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        Compressor.Settings settings = params.effective();
        ImageInput input = inputs.image("image");
        ImageInfo info = input.info();
        int[] size = Compressor.outputSize(info.width(), info.height(), settings.maxSide());
        try (Mat image = input.decodeAtLeast(size[0], size[1])) {
            Compressor.Result result = Compressor.compress(image, settings);
            return NodeOutputs.create()
                    .encoded("image", result.image())
                    .value("quality", PortValue.number(result.quality()));
        }
    }
}
