package com.imagestudio.flow.engine.schedule;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.time.Duration;
import java.time.Instant;

/**
 * Computes the next cron time from the workflow's own clock, waits for it with a durable timer
 * (cut short by a pause, a trigger or an update), fires through an activity, and continues as
 * new every {@link #LOOPS_PER_EXECUTION} turns so its history stays small however long it lives.
 */
public class ScheduleWorkflowImpl implements ScheduleWorkflow {

    private static final Logger log = Workflow.getLogger(ScheduleWorkflowImpl.class);
    static final int LOOPS_PER_EXECUTION = 100;

    private final ScheduleActivities activities = Workflow.newActivityStub(ScheduleActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
                    .build());

    private String scheduleId;
    private String cron;
    private String zone;
    private boolean paused;
    private boolean changed;
    private int triggers;
    private long lastDue;
    private long nextDue;
    private int fires;

    @Override
    public void run(ScheduleState state) {
        scheduleId = state.scheduleId();
        cron = state.cron();
        zone = state.zone();
        paused = state.paused();
        lastDue = state.lastDueMillis();
        fires = state.fires();
        for (int loop = 0; ; loop++) {
            if (loop >= LOOPS_PER_EXECUTION && triggers == 0 && !changed) {
                Workflow.continueAsNew(new ScheduleState(scheduleId, cron, zone, paused, lastDue, fires));
            }
            changed = false;
            if (paused) {
                nextDue = 0;
                Workflow.await(() -> !paused || triggers > 0 || changed);
            } else {
                long now = Workflow.currentTimeMillis();
                nextDue = CronSchedule.parse(cron, zone).nextAfter(Instant.ofEpochMilli(Math.max(now, lastDue))).toEpochMilli();
                boolean interrupted = Workflow.await(Duration.ofMillis(nextDue - now), () -> paused || triggers > 0 || changed);
                if (!interrupted) {
                    lastDue = nextDue;
                    fire(nextDue, false);
                }
            }
            while (triggers > 0) {
                triggers--;
                fire(Workflow.currentTimeMillis(), true);
            }
        }
    }

    private void fire(long dueAt, boolean manual) {
        int sequence = fires++;
        log.info("schedule {} fires ({}), due {}", scheduleId, manual ? "triggered" : "cron", Instant.ofEpochMilli(dueAt));
        activities.fire(scheduleId, sequence, dueAt, manual);
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public void triggerNow() {
        triggers++;
    }

    @Override
    public void update(String newCron, String newZone) {
        cron = newCron;
        zone = newZone;
        changed = true;
    }

    @Override
    public ScheduleStatus status() {
        return new ScheduleStatus(cron, zone, paused, paused ? 0 : nextDue, lastDue, fires);
    }
}
