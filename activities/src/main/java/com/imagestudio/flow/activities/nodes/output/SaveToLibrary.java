package com.imagestudio.flow.activities.nodes.output;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.ParamSpec;
import com.imagestudio.flow.catalog.schema.PortType;

/** Marks an image as a result of the run. */
@AutoService(NodeDefinition.class)
public final class SaveToLibrary extends KeepAsResult {

    public record Params(String name) {
    }

    /** The name results are kept under; shared by the output nodes. */
    static final ParamSpec NAME = ParamSpec.string("name", "Name of the result").matching("[\\p{L}\\p{N} _.()-]{1,120}")
            .withDefault("output");

    /**
     * Whether the library tags the kept images (orientation, size, colours, faces): about 6 ms of
     * CPU per image, so a bulk export can leave it off. Read by the engine when it records assets.
     */
    public static final ParamSpec AUTO_TAGS = ParamSpec.bool("autoTags",
            "Tag the images in the library (orientation, size, colours, faces)").withDefault(true);

    public SaveToLibrary() {
        super("SaveToLibrary", "Save to library", "Keep the image as a result of the run, under a name.",
                PortType.IMAGE, "image", "image", "output", "export", "result");
    }
}
