package com.imagestudio.flow.engine.batch;

import com.imagestudio.flow.engine.run.ExecutionPlan;
import com.imagestudio.flow.engine.run.GraphRunWorkflow;
import com.imagestudio.flow.engine.run.RunOutcome;
import com.imagestudio.flow.engine.run.RunRequest;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch workflow on Temporal's time-skipping test server, with its rows in an in-memory
 * stand-in for PostgreSQL and a stand-in child run that takes a minute: concurrency, failures,
 * continue-as-new and cancellation.
 */
class BatchWorkflowTest {

    private static final String BATCH = "batch-1";
    /** Positions whose child run fails, read by {@link FakeGraphRun} (one test at a time). */
    static final Set<Integer> FAILING = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(BatchWorkflowImpl.class, FakeGraphRun.class)
            .setDoNotStart(true)
            .build();

    private final FakeRows rows = new FakeRows();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void startWorker(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        FAILING.clear();
        worker.registerActivitiesImplementations(rows);
        env.start();
        this.env = env;
        this.client = client;
        this.options = options.toBuilder().setWorkflowId(BATCH).build();
    }

    @Test
    void everyRowRunsAsAChildWhoseWorkflowIdIsItsRunIdAndNoMoreThanTheConcurrencyRunAtOnce() {
        rows.add(10);

        BatchOutcome outcome = workflow().run(BatchRequest.first(BATCH, 3));

        assertThat(outcome).isEqualTo(new BatchOutcome(BatchStatus.SUCCEEDED, 10, 0));
        assertThat(rows.status.values()).containsOnly(BatchRowStatus.SUCCEEDED);
        assertThat(rows.maxInFlight.get()).isEqualTo(3);
        assertThat(rows.started).isTrue();
        assertThat(client.newUntypedWorkflowStub("run-7").getResult(RunOutcome.class)).isNotNull();
        assertThat(startedChildIds(client.fetchHistory(BATCH))).hasSize(10).contains("run-0", "run-9");
    }

    @Test
    void aFailedRunFailsItsRowWithTheRunsMessageAndTheOtherRowsStillRun() {
        rows.add(5);
        FAILING.add(2);

        BatchOutcome outcome = workflow().run(BatchRequest.first(BATCH, 2));

        assertThat(outcome).isEqualTo(new BatchOutcome(BatchStatus.FAILED, 4, 1));
        assertThat(rows.status).containsEntry(2, BatchRowStatus.FAILED).containsEntry(4, BatchRowStatus.SUCCEEDED);
        assertThat(rows.errors).containsExactly(Map.entry(2, "insufficient credits: need 5, have 0"));
    }

    @Test
    void aRowThatCanNoLongerRunIsCountedFailedWithoutAChild() {
        rows.add(3);
        rows.refused.add(1);

        BatchOutcome outcome = workflow().run(BatchRequest.first(BATCH, 4));

        assertThat(outcome).isEqualTo(new BatchOutcome(BatchStatus.FAILED, 2, 1));
        assertThat(startedChildIds(client.fetchHistory(BATCH))).containsExactlyInAnyOrder("run-0", "run-2");
    }

    @Test
    void aRowRecordedAsRunningWhoseChildNeverStartedGetsItsChild() {
        // given a row whose run was recorded by an attempt that never started its child (its worker died)
        rows.add(3);
        rows.status.put(1, BatchRowStatus.RUNNING);

        BatchOutcome outcome = workflow().run(BatchRequest.first(BATCH, 2));

        assertThat(outcome).isEqualTo(new BatchOutcome(BatchStatus.SUCCEEDED, 3, 0));
        assertThat(startedChildIds(client.fetchHistory(BATCH))).containsExactlyInAnyOrder("run-0", "run-1", "run-2");
    }

    @Test
    void afterRowsPerExecutionItContinuesAsNewCarryingOnlyACursorAndCounts() {
        rows.add(25);
        FAILING.add(13);

        BatchOutcome outcome = workflow().run(new BatchRequest(BATCH, 4, 10, -1, 0, 0));

        assertThat(outcome).isEqualTo(new BatchOutcome(BatchStatus.FAILED, 24, 1));
        WorkflowExecutionHistory last = client.fetchHistory(BATCH);
        assertThat(last.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId()).isNotEmpty();
        assertThat(startedChildIds(last)).as("the last execution runs only the last 5 rows")
                .containsExactlyInAnyOrder("run-20", "run-21", "run-22", "run-23", "run-24");
        assertThat(rows.pageRequests).as("rows are read a page at a time from the cursor").contains(-1, 9, 19);
    }

    @Test
    void cancellingStopsNewRowsCancelsRunningOnesAndEndsPendingRowsCancelled() {
        rows.add(6);
        WorkflowStub stub = WorkflowStub.fromTyped(workflow());
        stub.start(BatchRequest.first(BATCH, 2));
        env.sleep(Duration.ofSeconds(90)); // two rows done, two running

        stub.cancel();

        assertThatThrownBy(() -> stub.getResult(BatchOutcome.class))
                .isInstanceOfSatisfying(WorkflowFailedException.class, e -> assertThat(e.getCause()).isInstanceOf(CanceledFailure.class));
        assertThat(rows.status).containsEntry(0, BatchRowStatus.SUCCEEDED).containsEntry(1, BatchRowStatus.SUCCEEDED)
                .containsEntry(4, BatchRowStatus.CANCELLED).containsEntry(5, BatchRowStatus.CANCELLED);
        // the time-skipping server may let the two running rows finish before the cancel lands:
        // either way they end, and never stay running
        assertThat(List.of(rows.status.get(2), rows.status.get(3)))
                .allMatch(s -> s == BatchRowStatus.CANCELLED || s == BatchRowStatus.SUCCEEDED);
        assertThat(rows.ended).containsExactly(true);
    }

    @Test
    void aBatchHistoryReplaysOnTheCurrentCode() throws Exception {
        rows.add(4);
        FAILING.add(1);
        workflow().run(BatchRequest.first(BATCH, 2));

        WorkflowReplayer.replayWorkflowExecution(client.fetchHistory(BATCH), BatchWorkflowImpl.class);
    }

    private BatchWorkflow workflow() {
        return client.newWorkflowStub(BatchWorkflow.class, options);
    }

    private static List<String> startedChildIds(WorkflowExecutionHistory history) {
        return history.getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
                .map(HistoryEvent::getStartChildWorkflowExecutionInitiatedEventAttributes)
                .map(a -> a.getWorkflowId())
                .toList();
    }

    /** A graph run that takes a minute and fails with a credit refusal for the positions in {@link #FAILING}. */
    public static class FakeGraphRun implements GraphRunWorkflow {
        @Override
        public RunOutcome run(RunRequest request) {
            Workflow.sleep(Duration.ofMinutes(1));
            if (FAILING.contains(Integer.parseInt(request.runId().substring("run-".length())))) {
                throw ApplicationFailure.newNonRetryableFailure("insufficient credits: need 5, have 0", "InsufficientCredits");
            }
            return new RunOutcome(Map.of());
        }
    }

    /** The batch_rows table, in memory. */
    static final class FakeRows implements BatchActivities {
        final Map<Integer, BatchRowStatus> status = new ConcurrentSkipListMap<>();
        final Map<Integer, String> errors = new ConcurrentSkipListMap<>();
        final Set<Integer> refused = ConcurrentHashMap.newKeySet();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final List<Integer> pageRequests = new CopyOnWriteArrayList<>();
        final List<Boolean> ended = new CopyOnWriteArrayList<>();
        volatile boolean started;

        void add(int count) {
            for (int i = 0; i < count; i++) {
                status.put(i, BatchRowStatus.PENDING);
            }
        }

        @Override
        public void batchStarted(String batchId) {
            started = true;
        }

        @Override
        public List<Integer> pendingRows(String batchId, int afterPosition, int limit) {
            pageRequests.add(afterPosition);
            List<Integer> page = new ArrayList<>();
            status.forEach((position, s) -> {
                boolean unfinished = s == BatchRowStatus.PENDING || s == BatchRowStatus.RUNNING;
                if (unfinished && position > afterPosition && page.size() < limit) {
                    page.add(position);
                }
            });
            return page;
        }

        @Override
        public RunRequest startRow(String batchId, int position) {
            if (refused.contains(position)) {
                status.put(position, BatchRowStatus.FAILED);
                return null;
            }
            status.put(position, BatchRowStatus.RUNNING);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return new RunRequest("run-" + position, new ExecutionPlan(List.of()));
        }

        @Override
        public void rowFinished(String batchId, int position, BatchRowStatus rowStatus, String error) {
            inFlight.decrementAndGet();
            status.put(position, rowStatus);
            if (error != null) {
                errors.put(position, error);
            }
        }

        @Override
        public BatchStatus batchEnded(String batchId, boolean cancelled) {
            ended.add(cancelled);
            if (cancelled) {
                status.replaceAll((position, s) -> s == BatchRowStatus.PENDING || s == BatchRowStatus.RUNNING
                        ? BatchRowStatus.CANCELLED : s);
                return BatchStatus.CANCELLED;
            }
            return status.containsValue(BatchRowStatus.FAILED) ? BatchStatus.FAILED : BatchStatus.SUCCEEDED;
        }
    }
}
