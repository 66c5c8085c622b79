package com.imagestudio.flow.engine.batch;

/** No such batch for this owner (another owner's batch is no such batch). */
public class BatchNotFoundException extends RuntimeException {

    public BatchNotFoundException(String batchId) {
        super("no batch " + batchId);
    }
}
