package com.imagestudio.flow.engine.schedule;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule workflow on Temporal's time-skipping test server, starting on Friday 28 March
 * 2025 at noon UTC, two days before Paris moves its clocks forward; firings are recorded with
 * the server's time when they happen.
 */
class ScheduleWorkflowTest {

    private static final Instant START = Instant.parse("2025-03-28T12:00:00Z");
    private static final String ID = "schedule-1";

    @RegisterExtension
    static final TestWorkflowExtension temporal = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(ScheduleWorkflowImpl.class)
            .setInitialTime(START)
            .setDoNotStart(true)
            .build();

    record Firing(int sequence, Instant due, Instant at, boolean manual) {
    }

    private final List<Firing> firings = new CopyOnWriteArrayList<>();
    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private WorkflowOptions options;

    @BeforeEach
    void startWorker(TestWorkflowEnvironment env, Worker worker, WorkflowClient client, WorkflowOptions options) {
        this.env = env;
        worker.registerActivitiesImplementations((ScheduleActivities) (scheduleId, sequence, dueAtMillis, manual) ->
                firings.add(new Firing(sequence, Instant.ofEpochMilli(dueAtMillis), Instant.ofEpochMilli(env.currentTimeMillis()), manual)));
        env.start();
        this.client = client;
        this.options = options.toBuilder().setWorkflowId(ID).build();
    }

    @Test
    void nineInTheMorningInParisFiresAtTheRightInstantsAcrossTheChangeToSummerTime() {
        start("0 9 * * *");

        env.sleep(Duration.ofDays(4));

        assertThat(firings).extracting(Firing::due).containsExactly(
                Instant.parse("2025-03-29T08:00:00Z"),
                Instant.parse("2025-03-30T07:00:00Z"),
                Instant.parse("2025-03-31T07:00:00Z"),
                Instant.parse("2025-04-01T07:00:00Z"));
        assertThat(firings).allSatisfy(f -> {
            assertThat(f.at()).isBetween(f.due(), f.due().plusSeconds(5));
            assertThat(f.manual()).isFalse();
        });
        assertThat(firings).extracting(Firing::sequence).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aPausedScheduleSkipsItsFiringsAndOnResumeContinuesFromTheNextOne() {
        ScheduleWorkflow schedule = start("0 9 * * *");
        env.sleep(Duration.ofDays(1)); // Saturday 09:00 fired; now Saturday 12:00 UTC

        schedule.pause();
        env.sleep(Duration.ofDays(2)); // Sunday and Monday pass
        assertThat(schedule.status().paused()).isTrue();
        schedule.resume();
        env.sleep(Duration.ofDays(1));

        assertThat(firings).extracting(Firing::due).containsExactly(
                Instant.parse("2025-03-29T08:00:00Z"),
                Instant.parse("2025-04-01T07:00:00Z"));
    }

    @Test
    void triggerNowFiresAtOnceAndLeavesTheCronTimesAsTheyWere() {
        ScheduleWorkflow schedule = start("0 9 * * *");
        env.sleep(Duration.ofHours(1));

        schedule.triggerNow();
        env.sleep(Duration.ofSeconds(1));
        Firing manual = firings.get(0);
        env.sleep(Duration.ofDays(1));

        assertThat(manual.manual()).isTrue();
        assertThat(manual.due()).isBetween(START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(firings).extracting(Firing::due, Firing::manual).containsExactly(
                org.assertj.core.groups.Tuple.tuple(manual.due(), true),
                org.assertj.core.groups.Tuple.tuple(Instant.parse("2025-03-29T08:00:00Z"), false));
    }

    @Test
    void aPausedScheduleStillFiresWhenTriggered() {
        ScheduleWorkflow schedule = start("0 9 * * *");
        schedule.pause();
        env.sleep(Duration.ofHours(1));

        schedule.triggerNow();
        env.sleep(Duration.ofDays(2));

        assertThat(firings).extracting(Firing::manual).containsExactly(true);
    }

    @Test
    void anUpdatedExpressionTakesEffectForTheNextFiring() {
        ScheduleWorkflow schedule = start("0 9 * * *");
        env.sleep(Duration.ofHours(1));

        schedule.update("30 18 * * *", "America/New_York");
        env.sleep(Duration.ofDays(1));

        assertThat(firings).extracting(Firing::due).containsExactly(Instant.parse("2025-03-28T22:30:00Z"));
        assertThat(schedule.status().cron()).isEqualTo("30 18 * * *");
    }

    @Test
    void itContinuesAsNewPeriodicallyWithoutLosingOrRepeatingAFiring() {
        start("0 * * * *");

        env.sleep(Duration.ofHours(ScheduleWorkflowImpl.LOOPS_PER_EXECUTION + 30));

        assertThat(firings).hasSize(ScheduleWorkflowImpl.LOOPS_PER_EXECUTION + 30);
        assertThat(firings).extracting(Firing::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(firings.get(firings.size() - 1).sequence()).isEqualTo(firings.size() - 1);
        assertThat(firings).extracting(Firing::due).doesNotHaveDuplicates();
        WorkflowExecutionHistory current = client.fetchHistory(ID);
        assertThat(current.getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId())
                .isNotEmpty();
    }

    @Test
    void aScheduleHistoryReplaysOnTheCurrentCode() throws Exception {
        ScheduleWorkflow schedule = start("0 9 * * *");
        env.sleep(Duration.ofDays(1));
        schedule.pause();
        schedule.triggerNow();
        env.sleep(Duration.ofHours(1));
        schedule.resume();
        env.sleep(Duration.ofDays(1));

        WorkflowReplayer.replayWorkflowExecution(client.fetchHistory(ID), ScheduleWorkflowImpl.class);
    }

    private ScheduleWorkflow start(String cron) {
        ScheduleWorkflow workflow = client.newWorkflowStub(ScheduleWorkflow.class, options);
        WorkflowClient.start(workflow::run, new ScheduleState(ID, cron, "Europe/Paris", false, 0, 0));
        return client.newWorkflowStub(ScheduleWorkflow.class, ID);
    }
}
