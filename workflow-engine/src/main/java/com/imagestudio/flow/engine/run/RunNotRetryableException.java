package com.imagestudio.flow.engine.run;

/** Only a run that failed or was cancelled can be retried. */
public class RunNotRetryableException extends RuntimeException {

    public RunNotRetryableException(String runId, RunStatus status) {
        super("run " + runId + " is " + status.name().toLowerCase()
                + ": only a failed or cancelled run can be retried");
    }
}
