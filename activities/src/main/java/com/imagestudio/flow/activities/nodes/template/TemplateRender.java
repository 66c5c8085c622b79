package com.imagestudio.flow.activities.nodes.template;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.Anchor;
import com.imagestudio.flow.activities.image.BlendMode;
import com.imagestudio.flow.activities.image.Colors;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.image.Overlay;
import com.imagestudio.flow.activities.image.TextAlign;
import com.imagestudio.flow.activities.node.ImageInput;
import com.imagestudio.flow.activities.node.NodeInputs;
import com.imagestudio.flow.activities.node.NodeOutputs;
import com.imagestudio.flow.activities.node.StudioNode;
import com.imagestudio.flow.catalog.reference.SafeArea;
import com.imagestudio.flow.catalog.reference.SocialFormat;
import com.imagestudio.flow.catalog.schema.CostFunction;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.NodeSchema;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.ParamValues;
import com.imagestudio.flow.catalog.schema.Port;
import com.imagestudio.flow.catalog.schema.PortType;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Makes a social image from nothing: a colour, gradient or picture background at a platform's
 * size, a wrapped headline in the format's safe area, and an optional logo.
 */
@AutoService(NodeDefinition.class)
public final class TemplateRender implements StudioNode<TemplateRender.Params> {

    public record Params(SocialFormat format, String background, String gradientTo, GradientDirection direction,
                         String headline, int headlineSize, String headlineColour, TextAlign align,
                         Anchor logoPosition, double logoScale, int margin) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("TemplateRender", 1)
            .displayName("Template")
            .category("Create")
            .description("Create an image at a social format's size: a colour, a two-colour gradient or a picture "
                    + "(cover-fit) as background, a headline wrapped to fit inside the format's safe area, and "
                    + "an optional logo.")
            .aliases("create", "design", "banner", "post", "headline", "quote card", "social template")
            .input(Port.optional("background", PortType.IMAGE, "A picture to fill the background (cover-fit)"))
            .input(Port.optional("logo", PortType.IMAGE, "A logo, transparency kept"))
            .output(Port.required("image", PortType.IMAGE, "The image at the format's size"))
            .param(ParamSpec.choice("format", "The platform format that sets the size", SocialFormat.class)
                    .withDefault(SocialFormat.INSTAGRAM_SQUARE))
            .param(ParamSpec.color("backgroundColour", "Background colour (the gradient's first colour)")
                    .withDefault("#1e3a8a"))
            .param(ParamSpec.color("gradientTo", "Second gradient colour; leave out for a plain colour"))
            .param(ParamSpec.choice("direction", "Direction of the gradient", GradientDirection.class)
                    .withDefault(GradientDirection.VERTICAL))
            .param(ParamSpec.string("headline", "The headline; long lines wrap").withDefault(""))
            .param(ParamSpec.integer("headlineSize", "Headline font size in pixels").between(8, 600).withDefault(96))
            .param(ParamSpec.color("headlineColour", "Headline colour").withDefault("#ffffff"))
            .param(ParamSpec.choice("align", "Headline alignment", TextAlign.class).withDefault(TextAlign.CENTER))
            .param(ParamSpec.choice("logoPosition", "Where the logo goes", Anchor.class).withDefault(Anchor.BOTTOM_RIGHT))
            .param(ParamSpec.number("logoScale", "Logo width as a fraction of the image's width")
                    .between(0.01, 1).withDefault(0.2))
            .param(ParamSpec.integer("margin", "Space kept free inside the safe area, in pixels")
                    .between(0, 2000).withDefault(64))
            .cost(CostFunction.free())
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.choice("format", SocialFormat.class), values.string("backgroundColour"),
                values.stringOr("gradientTo", null), values.choice("direction", GradientDirection.class),
                values.string("headline"), values.integer("headlineSize"), values.string("headlineColour"),
                values.choice("align", TextAlign.class), values.choice("logoPosition", Anchor.class),
                values.number("logoScale"), values.integer("margin"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        SocialFormat format = params.format();
        Mat canvas = background(inputs, params);
        try {
            SafeArea safe = format.safeArea();
            int inner = Math.max(1, safe.width() - 2 * params.margin());
            if (!params.headline().isBlank()) {
                var style = new Overlay.TextStyle(params.headlineSize(), params.headlineColour(), true, params.align());
                try (Mat text = Overlay.text(params.headline(), style, inner)) {
                    int y = safe.y() + Math.max(params.margin(), (safe.height() - text.rows()) / 2);
                    Overlay.blend(canvas, text, safe.x() + params.margin(), y, 1.0, BlendMode.NORMAL);
                }
            }
            if (inputs.has("logo")) {
                try (Mat logo = inputs.image("logo").decode();
                     Mat scaled = Overlay.scaledToWidth(logo, (int) Math.round(format.width() * params.logoScale()))) {
                    Anchor.Position at = params.logoPosition().place(safe.width(), safe.height(), scaled.cols(),
                            scaled.rows(), params.margin());
                    Overlay.blend(canvas, scaled, safe.x() + at.x(), safe.y() + at.y(), 1.0, BlendMode.NORMAL);
                }
            }
            return NodeOutputs.create().image("image", canvas);
        } catch (RuntimeException e) {
            canvas.close();
            throw e;
        }
    }

    private static Mat background(NodeInputs inputs, Params params) {
        int w = params.format().width();
        int h = params.format().height();
        if (inputs.has("background")) {
            ImageInput input = inputs.image("background");
            ImageInfo info = input.info();
            double s = Math.max((double) w / info.width(), (double) h / info.height());
            try (Mat picture = input.decodeAtLeast((int) Math.ceil(info.width() * s), (int) Math.ceil(info.height() * s))) {
                return Backgrounds.cover(picture, w, h);
            }
        }
        if (params.gradientTo() != null) {
            return Backgrounds.gradient(w, h, Colors.bgra(params.background()), Colors.bgra(params.gradientTo()),
                    params.direction());
        }
        return Backgrounds.solid(w, h, Colors.bgra(params.background()));
    }
}
