package com.imagestudio.flow.engine.batch;

import com.imagestudio.flow.engine.run.RunRequest;
import io.temporal.activity.ActivityInterface;

import java.util.List;

/** The batch workflow's database steps: rows are read and written here, never carried in history. */
@ActivityInterface
public interface BatchActivities {

    void batchStarted(String batchId);

    /**
     * Positions of up to {@code limit} unfinished rows after {@code afterPosition}, in order: rows
     * still pending, and rows recorded as running whose child may never have started (the worker
     * died between the two steps, or a restart lost the batch's workflow).
     */
    List<Integer> pendingRows(String batchId, int afterPosition, int limit);

    /**
     * Records the row's run (as {@code POST /api/runs} would, without the limit on runs in
     * progress: the batch bounds its own) and returns what its child workflow needs; null when
     * the row can no longer run (the catalog changed since it was checked), recorded as failed.
     */
    RunRequest startRow(String batchId, int position);

    void rowFinished(String batchId, int position, BatchRowStatus status, String error);

    /** Ends the batch: CANCELLED when asked, else SUCCEEDED or FAILED from its rows. */
    BatchStatus batchEnded(String batchId, boolean cancelled);
}
