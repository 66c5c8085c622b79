package com.imagestudio.flow.activities.nodes.output;

import com.google.auto.service.AutoService;
import com.imagestudio.flow.catalog.schema.NodeDefinition;
import com.imagestudio.flow.catalog.schema.PortType;

/** Keeps a text (an enhanced prompt, a caption) as a result of the run; it becomes a text asset. */
@AutoService(NodeDefinition.class)
public final class SaveTextToLibrary extends KeepAsResult {

    public SaveTextToLibrary() {
        super("SaveTextToLibrary", "Save text to library", "Keep the text as a result of the run, under a name.",
                PortType.TEXT, "text", "text", "output", "export", "result", "prompt", "caption");
    }
}
