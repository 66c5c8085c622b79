package com.imagestudio.flow.web.runs;

import com.imagestudio.flow.engine.run.RunStatus;

/** The run exists, but has no image from that output node (yet, or at all). */
public class OutputNotFoundException extends RuntimeException {

    OutputNotFoundException(String runId, String nodeId, RunStatus status) {
        super("run " + runId + " (" + status + ") has no image output from node \"" + nodeId + "\"");
    }
}
