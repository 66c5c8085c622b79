package com.imagestudio.flow.engine.batch;

import com.imagestudio.flow.engine.run.GraphRunWorkflow;
import com.imagestudio.flow.engine.run.RunOutcome;
import com.imagestudio.flow.engine.run.RunRequest;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TerminatedFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a batch's pending rows as child graph runs (each child's workflow id is its run id),
 * at most {@code concurrency} at a time, reading row positions from PostgreSQL a page at a time.
 * After {@code rowsPerExecution} rows it lets its children finish and continues as new with
 * only a cursor and counts, so neither its history nor its memory grows with the batch.
 */
public class BatchWorkflowImpl implements BatchWorkflow {

    private static final Logger log = Workflow.getLogger(BatchWorkflowImpl.class);
    static final int PAGE_SIZE = 50;

    private static final LocalActivityOptions DATABASE_STEP = LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30)).build();

    private final BatchActivities batch = Workflow.newLocalActivityStub(BatchActivities.class, DATABASE_STEP);

    @Override
    public BatchOutcome run(BatchRequest request) {
        String batchId = request.batchId();
        if (request.cursor() < 0) {
            batch.batchStarted(batchId);
        }
        int cursor = request.cursor();
        int succeeded = request.succeeded();
        int failed = request.failed();
        int startedHere = 0;
        boolean exhausted = false;
        Deque<Integer> page = new ArrayDeque<>();
        Map<Integer, Promise<RunOutcome>> running = new LinkedHashMap<>();
        while (true) {
            boolean cancelled = CancellationScope.current().isCancelRequested();
            while (!cancelled && !exhausted && running.size() < request.concurrency()
                    && startedHere < request.rowsPerExecution()) {
                if (page.isEmpty()) {
                    int after = cursor;
                    page.addAll(uncancellable(() -> batch.pendingRows(batchId, after, PAGE_SIZE)));
                    if (page.isEmpty()) {
                        exhausted = true;
                        break;
                    }
                }
                int position = page.poll();
                cursor = position;
                startedHere++;
                RunRequest run = uncancellable(() -> batch.startRow(batchId, position));
                if (run == null) {
                    failed++;
                    continue;
                }
                GraphRunWorkflow child = Workflow.newChildWorkflowStub(GraphRunWorkflow.class,
                        ChildWorkflowOptions.newBuilder().setWorkflowId(run.runId()).build());
                running.put(position, Async.function(child::run, run));
            }
            if (running.isEmpty()) {
                break;
            }
            Promise.anyOf(running.values()).handle((result, error) -> null).get();
            for (Iterator<Map.Entry<Integer, Promise<RunOutcome>>> it = running.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Integer, Promise<RunOutcome>> entry = it.next();
                if (!entry.getValue().isCompleted()) {
                    continue;
                }
                it.remove();
                RuntimeException error = entry.getValue().getFailure();
                BatchRowStatus status = error == null ? BatchRowStatus.SUCCEEDED
                        : isCancellation(error) ? BatchRowStatus.CANCELLED : BatchRowStatus.FAILED;
                if (status == BatchRowStatus.SUCCEEDED) {
                    succeeded++;
                } else if (status == BatchRowStatus.FAILED) {
                    failed++;
                }
                String message = error == null ? null : messageOf(error);
                // recorded even when the batch is being cancelled
                Workflow.newDetachedCancellationScope(() -> batch.rowFinished(batchId, entry.getKey(), status, message)).run();
            }
        }
        if (CancellationScope.current().isCancelRequested()) {
            Workflow.newDetachedCancellationScope(() -> batch.batchEnded(batchId, true)).run();
            throw new CanceledFailure("the batch was cancelled");
        }
        if (!exhausted) {
            log.info("batch {}: {} rows started in this execution, continuing as new after position {}",
                    batchId, startedHere, cursor);
            Workflow.continueAsNew(request.next(cursor, succeeded, failed));
        }
        BatchStatus status = batch.batchEnded(batchId, false);
        return new BatchOutcome(status, succeeded, failed);
    }

    /**
     * A database step that a cancel request does not interrupt half-way: a row whose run is
     * recorded either gets its child or is ended as cancelled by {@code batchEnded}.
     */
    private static <T> T uncancellable(Functions.Func<T> step) {
        List<T> result = new ArrayList<>(1);
        Workflow.newDetachedCancellationScope(() -> result.add(step.apply())).run();
        return result.get(0);
    }

    private static boolean isCancellation(RuntimeException error) {
        Throwable cause = error instanceof ChildWorkflowFailure child ? child.getCause() : error;
        return cause instanceof CanceledFailure;
    }

    /** The run's own failure message ("insufficient credits: ...", a node's error). */
    private static String messageOf(RuntimeException error) {
        Throwable cause = error instanceof ChildWorkflowFailure child ? child.getCause() : error;
        if (cause instanceof ApplicationFailure application) {
            return application.getOriginalMessage();
        }
        if (cause instanceof CanceledFailure) {
            return "the run was cancelled";
        }
        if (cause instanceof TerminatedFailure) {
            return "the run was terminated";
        }
        if (cause instanceof TimeoutFailure) {
            return "the run timed out";
        }
        return cause == null ? error.getMessage() : cause.getMessage();
    }
}
