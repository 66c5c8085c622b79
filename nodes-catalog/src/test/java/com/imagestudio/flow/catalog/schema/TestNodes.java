package com.imagestudio.flow.catalog.schema;

import java.util.List;

/**
 * Small fake node types, enough to exercise every rule of the node language. Nothing here runs:
 * a node definition only declares its schema.
 */
public enum TestNodes implements NodeDefinition {

    /** Produces an image from nothing. */
    SOURCE(NodeSchema.builder("Source", 1)
            .category("Input")
            .output(Port.required("image", PortType.IMAGE, "the loaded image"))
            .build()),

    /** IMAGE in, IMAGE out, an integer and an enum parameter with defaults. */
    BLUR(NodeSchema.builder("Blur", 1)
            .category("Filter")
            .input(Port.required("image", PortType.IMAGE, "what to blur"))
            .output(Port.required("image", PortType.IMAGE, "the blurred image"))
            .param(ParamSpec.integer("radius", "blur radius in pixels").between(1, 100).withDefault(5))
            .param(ParamSpec.choice("mode", "blur kernel", BlurMode.class).withDefault(BlurMode.GAUSSIAN))
            .build()),

    /** IMAGE in, MASK out. */
    SEGMENT(NodeSchema.builder("Segment", 1)
            .input(Port.required("image", PortType.IMAGE, "what to segment"))
            .output(Port.required("mask", PortType.MASK, "the foreground"))
            .build()),

    /** An image and a mask in, a colour parameter. */
    APPLY_MASK(NodeSchema.builder("ApplyMask", 1)
            .input(Port.required("image", PortType.IMAGE, "the picture"))
            .input(Port.required("mask", PortType.MASK, "what to keep"))
            .input(Port.optional("backdrop", PortType.IMAGE, "what shows through"))
            .output(Port.required("image", PortType.IMAGE, "the masked image"))
            .param(ParamSpec.color("background", "fill where the mask is empty").withDefault("#000000"))
            .build()),

    /** Produces TEXT from a mandatory STRING parameter. */
    CAPTION(NodeSchema.builder("Caption", 1)
            .output(Port.required("text", PortType.TEXT, "the caption"))
            .param(ParamSpec.string("content", "what the caption says").mandatory())
            .build()),

    /** The OUTPUT node: its result lands in the library. */
    SAVE(NodeSchema.builder("Save", 1)
            .category("Output")
            .input(Port.required("image", PortType.IMAGE, "what to keep"))
            .param(ParamSpec.string("name", "file name").matching("[a-z0-9-]{1,40}").withDefault("result"))
            .flags(NodeFlag.OUTPUT)
            .build()),

    /** Version 1 of a node that changed. */
    RESIZE_V1(NodeSchema.builder("Resize", 1)
            .input(Port.required("image", PortType.IMAGE, "what to resize"))
            .output(Port.required("image", PortType.IMAGE, "the resized image"))
            .param(ParamSpec.integer("width", "target width").between(1, 8192).withDefault(1024))
            .build()),

    /** Version 2 adds a parameter. */
    RESIZE_V2(NodeSchema.builder("Resize", 2)
            .input(Port.required("image", PortType.IMAGE, "what to resize"))
            .output(Port.required("image", PortType.IMAGE, "the resized image"))
            .param(ParamSpec.integer("width", "target width").between(1, 8192).withDefault(1024))
            .param(ParamSpec.bool("keepAspect", "keep the aspect ratio").withDefault(true))
            .build()),

    /** Produces a list of images from nothing, as a folder of images does. */
    FOLDER(NodeSchema.builder("Folder", 1)
            .category("Input")
            .output(Port.required("images", PortType.IMAGE_LIST, "every image of the folder"))
            .build()),

    /** IMAGE in, IMAGE_LIST out: several images from one. */
    FAN_OUT(NodeSchema.builder("FanOut", 1)
            .input(Port.required("image", PortType.IMAGE, "what to fan out"))
            .output(Port.required("images", PortType.IMAGE_LIST, "one image per format"))
            .build()),

    /** IMAGE in, TEXT out. */
    DESCRIBE(NodeSchema.builder("Describe", 1)
            .input(Port.required("image", PortType.IMAGE, "what to describe"))
            .output(Port.required("text", PortType.TEXT, "the description"))
            .build()),

    /** An OUTPUT node that keeps a whole list. */
    SAVE_ALL(NodeSchema.builder("SaveAll", 1)
            .category("Output")
            .input(Port.required("images", PortType.IMAGE_LIST, "what to keep"))
            .flags(NodeFlag.OUTPUT)
            .build()),

    /** An OUTPUT node that keeps a text. */
    SAVE_TEXT(NodeSchema.builder("SaveText", 1)
            .category("Output")
            .input(Port.required("text", PortType.TEXT, "what to keep"))
            .flags(NodeFlag.OUTPUT)
            .build()),

    /** A PAID provider node whose price depends on a parameter: 10 credits per factor. */
    UPSCALE(NodeSchema.builder("Upscale", 1)
            .input(Port.required("image", PortType.IMAGE, "what to upscale"))
            .output(Port.required("image", PortType.IMAGE, "the upscaled image"))
            .param(ParamSpec.integer("factor", "scale factor").between(2, 4).withDefault(2))
            .param(ParamSpec.number("strength", "how much detail to invent").between(0, 1).withDefault(0.5))
            .flags(NodeFlag.PAID, NodeFlag.NON_DETERMINISTIC)
            .kind(NodeKind.PROVIDER)
            .cost(params -> 10 * params.integer("factor"))
            .build());

    private final NodeSchema schema;

    TestNodes(NodeSchema schema) {
        this.schema = schema;
    }

    @Override
    public NodeSchema schema() {
        return schema;
    }

    /** A catalog of every fake node. */
    public static NodeCatalog catalog() {
        return NodeCatalog.of(List.of(values()));
    }
}
