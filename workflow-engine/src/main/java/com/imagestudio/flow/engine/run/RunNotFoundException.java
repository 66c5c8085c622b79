package com.imagestudio.flow.engine.run;

/** No run with this id belongs to the asking user (whether it exists for someone else is not said). */
public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(String runId) {
        super("no run " + runId);
    }
}
