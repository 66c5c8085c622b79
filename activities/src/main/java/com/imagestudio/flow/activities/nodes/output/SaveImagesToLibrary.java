package com.imagestudio.flow.activities.nodes.output;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.PortType;

/** Keeps every image of a list (variations, a fan-out to platforms) as results of the run. */
@AutoService(NodeDefinition.class)
public final class SaveImagesToLibrary extends KeepAsResult {

    public SaveImagesToLibrary() {
        super("SaveImagesToLibrary", "Save images to library",
                "Keep each image of a list as a result of the run, under a common name.",
                PortType.IMAGE_LIST, "images", "images", "output", "export", "results", "variations", "all platforms");
    }
}
