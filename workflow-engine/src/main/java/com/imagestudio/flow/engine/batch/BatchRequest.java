package com.imagestudio.flow.engine.batch;

/**
 * The argument of a batch workflow, and all it carries across continue-as-new: which batch, how
 * many rows at once, how many rows one execution starts before it continues as new, the
 * position of the last row started, and the counts so far. Rows themselves stay in PostgreSQL.
 */
public record BatchRequest(String batchId, int concurrency, int rowsPerExecution, int cursor, int succeeded, int failed) {

    public static final int ROWS_PER_EXECUTION = 200;
    /** The cursor before the first row: an execution that starts there records the batch as started. */
    private static final int FIRST_CURSOR = -1;

    public static BatchRequest first(String batchId, int concurrency) {
        return new BatchRequest(batchId, concurrency, ROWS_PER_EXECUTION, FIRST_CURSOR, 0, 0);
    }

    /** A batch started again from its first unfinished row, counting the rows that had finished. */
    static BatchRequest resumed(String batchId, int concurrency, int succeeded, int failed) {
        return new BatchRequest(batchId, concurrency, ROWS_PER_EXECUTION, FIRST_CURSOR, succeeded, failed);
    }

    BatchRequest next(int cursor, int succeeded, int failed) {
        return new BatchRequest(batchId, concurrency, rowsPerExecution, cursor, succeeded, failed);
    }
}
