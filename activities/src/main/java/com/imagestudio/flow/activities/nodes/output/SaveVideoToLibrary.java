package com.imagestudio.flow.activities.nodes.output;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.PortType;

/** Keeps a video as a result of the run, under a name; the bytes pass on untouched. */
@AutoService(NodeDefinition.class)
public final class SaveVideoToLibrary extends KeepAsResult {

    public SaveVideoToLibrary() {
        super("SaveVideoToLibrary", "Save video to library", "Keep the video as a result of the run, under a name.",
                PortType.VIDEO, "video", "video", "output", "export", "result", "video");
    }
}
