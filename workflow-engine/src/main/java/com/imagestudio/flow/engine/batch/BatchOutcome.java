package com.imagestudio.flow.engine.batch;

/** How a batch ended; rows that ran in earlier executions (before continue-as-new) count too. */
public record BatchOutcome(BatchStatus status, int succeeded, int failed) {
}
