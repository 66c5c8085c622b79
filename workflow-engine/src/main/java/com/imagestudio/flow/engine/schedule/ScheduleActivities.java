package com.imagestudio.flow.engine.schedule;

import io.temporal.activity.ActivityInterface;

/** What a schedule does when it fires. */
@ActivityInterface
public interface ScheduleActivities {

    /**
     * Starts the schedule's run or batch, once per {@code sequence} however often it is retried.
     * A start that is refused (credits, limits) is recorded on the firing; the schedule goes on.
     */
    void fire(String scheduleId, int sequence, long dueAtMillis, boolean manual);
}
