package com.imagestudio.flow.engine.run;

/** Temporal refused to start the run's workflow; the run was recorded, and is now ended as FAILED. */
public class RunNotStartedException extends RuntimeException {

    private final String runId;

    public RunNotStartedException(String runId, Throwable cause) {
        super("the run " + runId + " could not start: " + cause.getMessage(), cause);
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
