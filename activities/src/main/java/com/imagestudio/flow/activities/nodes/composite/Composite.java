package com.imagestudio.flow.activities.nodes.composite;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.Anchor;
import com.imagestudio.flow.activities.image.BlendMode;
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
 * Lays one image over another at an anchor plus an offset (top-left with an offset is an exact
 * x/y position), at an opacity and in a blend mode; the overlay's transparency is respected.
 */
@AutoService(NodeDefinition.class)
public final class Composite implements StudioNode<Composite.Params> {

    public record Params(Anchor anchor, int x, int y, double opacity, BlendMode mode) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("Composite", 1)
            .displayName("Composite")
            .category("Compose")
            .description("Lay an overlay image on a base image at an anchor plus an x/y offset, with an opacity and "
                    + "a blend mode (normal, multiply, screen); transparent parts of the overlay stay see-through.")
            .aliases("overlay", "layer", "blend", "merge", "place image", "paste")
            .input(Port.required("base", PortType.IMAGE, "The image underneath; the result has its size"))
            .input(Port.required("overlay", PortType.IMAGE, "The image laid on top"))
            .output(Port.required("image", PortType.IMAGE, "The combined image"))
            .param(ParamSpec.choice("anchor", "Where the overlay goes before the offset", Anchor.class)
                    .withDefault(Anchor.TOP_LEFT))
            .param(ParamSpec.integer("x", "Offset to the right in pixels (negative: to the left)")
                    .between(-16383, 16383).withDefault(0))
            .param(ParamSpec.integer("y", "Offset downwards in pixels (negative: upwards)")
                    .between(-16383, 16383).withDefault(0))
            .param(ParamSpec.number("opacity", "0 invisible to 1 solid").between(0, 1).withDefault(1))
            .param(ParamSpec.choice("mode", "How the colours combine", BlendMode.class).withDefault(BlendMode.NORMAL))
            .cost(CostFunction.free())
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("anchor", Anchor.class), values.integer("x"), values.integer("y"),
                values.number("opacity"), values.choice("mode", BlendMode.class));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        Mat base = inputs.image("base").decode();
        try (Mat overlay = inputs.image("overlay").decode()) {
            Anchor.Position at = params.anchor().place(base.cols(), base.rows(), overlay.cols(), overlay.rows(), 0);
            Overlay.blend(base, overlay, at.x() + params.x(), at.y() + params.y(), params.opacity(), params.mode());
            return NodeOutputs.create().image("image", base);
        } catch (RuntimeException e) {
            base.close();
            throw e;
        }
    }
}
