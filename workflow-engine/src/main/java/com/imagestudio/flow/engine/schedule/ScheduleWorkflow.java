package com.imagestudio.flow.engine.schedule;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One schedule as a durable timer loop: sleep until the cron's next time, fire, repeat. It runs
 * the same on the in-process test server (which has no Schedules API) and on a cluster.
 */
@WorkflowInterface
public interface ScheduleWorkflow {

    @WorkflowMethod
    void run(ScheduleState state);

    @SignalMethod
    void pause();

    @SignalMethod
    void resume();

    /** Fires once now, paused or not; the cron times are unchanged. */
    @SignalMethod
    void triggerNow();

    /** A new cron expression or time zone, effective for the next firing. */
    @SignalMethod
    void update(String cron, String zone);

    @QueryMethod
    ScheduleStatus status();
}
