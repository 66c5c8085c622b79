package com.imagestudio.flow.activities.nodes.transform;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.activities.image.ImageInfo;
import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.node.ImageInput;
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
import org.bytedeco.opencv.opencv_core.Rect;

/** Cuts a rectangle, given in pixels from the top-left corner, out of an image. */
@AutoService(NodeDefinition.class)
public final class Crop implements StudioNode<Crop.Params> {

    public record Params(int x, int y, int width, int height) {
    }

    private static final NodeSchema SCHEMA = NodeSchema.builder("Crop", 1)
            .displayName("Crop")
            .category("Transform")
            .description("Keep a rectangle of the image, given in pixels from its top-left corner.")
            .aliases("cut", "trim")
            .input(Port.required("image", PortType.IMAGE, "The image to crop"))
            .output(Port.required("image", PortType.IMAGE, "The cropped image"))
            .param(ParamSpec.integer("x", "Left edge in pixels").between(0, 16382).withDefault(0))
            .param(ParamSpec.integer("y", "Top edge in pixels").between(0, 16382).withDefault(0))
            .param(ParamSpec.integer("width", "Width in pixels").between(1, 16383).mandatory())
            .param(ParamSpec.integer("height", "Height in pixels").between(1, 16383).mandatory())
            .build();

    @Override
    public NodeSchema schema() {
        return SCHEMA;
    }

    @Override
    public Params params(ParamValues values) {
        return new Params(values.integer("x"), values.integer("y"), values.integer("width"), values.integer("height"));
    }

    @Override
    public NodeOutputs execute(NodeInputs inputs, Params params) {
        ImageInput input = inputs.image("image");
        ImageInfo info = input.info();
        if ((long) params.x() + params.width() > info.width() || (long) params.y() + params.height() > info.height()) {
            throw new BadInputException("the crop " + params.width() + "x" + params.height() + " at (" + params.x()
                    + "," + params.y() + ") does not fit in the " + info.width() + "x" + info.height() + " image");
        }
        try (Mat source = input.decode();
             Mat view = new Mat(source, new Rect(params.x(), params.y(), params.width(), params.height()))) {
            return NodeOutputs.create().image("image", view.clone());
        }
    }
}
