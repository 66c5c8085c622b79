package com.imagestudio.flow.engine.batch;

import com.imagestudio.flow.engine.credits.Plan;

/** More rows than the owner's plan allows in one batch; nothing was stored. */
public class BatchTooLargeException extends RuntimeException {

    public BatchTooLargeException(int rows, Plan plan) {
        super("the batch has " + rows + " rows: the " + plan.name().toLowerCase() + " plan allows "
                + plan.maxBatchRows() + " per batch");
    }
}
