package com.imagestudio.flow.engine.batch;

/** What was asked needs the batch to have ended (retrying its failed rows). */
public class BatchRunningException extends RuntimeException {

    public BatchRunningException(String batchId) {
        super("batch " + batchId + " is still running: retry its failed rows once it has ended");
    }
}
