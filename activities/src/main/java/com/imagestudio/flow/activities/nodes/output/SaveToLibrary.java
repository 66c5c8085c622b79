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

    public SaveToLibrary() {
        super("SaveToLibrary", "Save to library", "Keep the image as a result of the run, under a name.",
                PortType.IMAGE, "image", "image", "output", "export", "result");
    }
}
