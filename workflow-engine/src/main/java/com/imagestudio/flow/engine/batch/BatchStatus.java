package com.imagestudio.flow.engine.batch;

/** A batch as a whole: FAILED means it ended with at least one failed row (the others ran). */
public enum BatchStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
