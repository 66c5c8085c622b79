package com.imagestudio.flow.activities.nodes.watermark;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.Anchor;
import com.imagestudio.flow.activities.image.BlendMode;
import com.imagestudio.flow.activities.image.Overlay;
import com.imagestudio.flow.activities.image.TextAlign;
import com.imagestudio.flow.activities.node.BadInputException;
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

/** Stamps a text or a logo on an image, once at an anchor or tiled across it. */
@AutoService(NodeDefinition.class)
public final class Watermark implements StudioNode<Watermark.Params> {

    public record Params(String text, String colour, Anchor position, int margin, double scale, double opacity,
                         boolean tile, double angle) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("Watermark", 1)
            .displayName("Watermark")
            .category("Brand")
            .description("Stamp a text or a logo (the watermark input) on the image: at one of nine positions or "
                    + "tiled across it, at an opacity, optionally turned.")
            .aliases("copyright", "logo", "stamp", "brand", "signature")
            .input(Port.required("image", PortType.IMAGE, "The image to mark"))
            .input(Port.optional("watermark", PortType.IMAGE, "A logo to stamp instead of a text (transparency kept)"))
            .output(Port.required("image", PortType.IMAGE, "The marked image"))
            .param(ParamSpec.string("text", "The text to stamp; leave empty when a watermark image is connected")
                    .withDefault(""))
            .param(ParamSpec.color("colour", "Text colour, #rrggbb or #rrggbbaa").withDefault("#ffffff"))
            .param(ParamSpec.choice("position", "Where a single stamp goes", Anchor.class)
                    .withDefault(Anchor.BOTTOM_RIGHT))
            .param(ParamSpec.integer("margin", "Distance from the edges in pixels").between(0, 4096).withDefault(24))
            .param(ParamSpec.number("scale", "Width of the stamp as a fraction of the image's width")
                    .between(0.01, 1).withDefault(0.25))
            .param(ParamSpec.number("opacity", "0 invisible to 1 solid").between(0, 1).withDefault(0.5))
            .param(ParamSpec.bool("tile", "Repeat the stamp across the whole image"))
            .param(ParamSpec.number("angle", "Turn the stamp, in degrees counter-clockwise").between(-180, 180)
                    .withDefault(0))
            .cost(CostFunction.free())
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.string("text"), values.string("colour"), values.choice("position", Anchor.class),
                values.integer("margin"), values.number("scale"), values.number("opacity"), values.bool("tile"),
                values.number("angle"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        boolean hasLogo = inputs.has("watermark");
        boolean hasText = !params.text().isBlank();
        if (hasLogo == hasText) {
            throw new BadInputException(hasLogo ? "give a watermark text or a watermark image, not both"
                    : "nothing to stamp: give a watermark text or connect a watermark image");
        }
        Mat image = inputs.image("image").decode();
        try {
            int width = Math.max(1, (int) Math.round(image.cols() * params.scale()));
            try (Mat stamp = hasLogo ? logo(inputs, width) : text(params, width);
                 Mat turned = Overlay.rotated(stamp, params.angle())) {
                if (params.tile()) {
                    tile(image, turned, params.opacity());
                } else {
                    Anchor.Position at = params.position().place(image.cols(), image.rows(), turned.cols(),
                            turned.rows(), params.margin());
                    Overlay.blend(image, turned, at.x(), at.y(), params.opacity(), BlendMode.NORMAL);
                }
            }
            return NodeOutputs.create().image("image", image);
        } catch (RuntimeException e) {
            image.close();
            throw e;
        }
    }

    private static Mat logo(NodeInputs inputs, int width) {
        try (Mat logo = inputs.image("watermark").decode()) {
            return Overlay.scaledToWidth(logo, width);
        }
    }

    /** The text at the font size that makes it {@code width} pixels wide. */
    private static Mat text(Params params, int width) {
        var probe = new Overlay.TextStyle(100, params.colour(), true, TextAlign.LEFT);
        double atHundred = Math.max(1, Overlay.textWidth(params.text(), probe));
        float size = (float) Math.max(4, 100 * width / atHundred);
        return Overlay.text(params.text(), new Overlay.TextStyle(size, params.colour(), true, TextAlign.LEFT), 0);
    }

    /** Stamps in rows, each row shifted half a step, with half a stamp of space between them. */
    private static void tile(Mat image, Mat stamp, double opacity) {
        int gap = Math.max(stamp.cols(), stamp.rows()) / 2;
        int stepX = stamp.cols() + gap;
        int stepY = stamp.rows() + gap;
        int row = 0;
        for (int y = -stamp.rows() / 2; y < image.rows(); y += stepY, row++) {
            for (int x = (row % 2 == 0 ? 0 : -stepX / 2); x < image.cols(); x += stepX) {
                Overlay.blend(image, stamp, x, y, opacity, BlendMode.NORMAL);
            }
        }
    }
}
