package com.imagestudio.flow.engine.batch;

import java.time.Instant;

/** A batch as its owner sees it: status and progress counted from its rows. */
public record BatchView(
        String id,
        BatchStatus status,
        String workflowId,
        Integer workflowVersion,
        String scheduleId,
        int concurrency,
        int totalRows,
        Progress progress,
        int estimatedCredits,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public record Progress(int pending, int running, int succeeded, int failed, int cancelled) {
        public int done() {
            return succeeded + failed + cancelled;
        }
    }
}
