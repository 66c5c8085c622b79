package com.imagestudio.flow.engine.schedule;

import java.time.Instant;
import java.util.List;

/** A schedule as its owner sees it: the next times it will fire (none while paused) and its recent firings. */
public record ScheduleView(
        String id,
        String name,
        String cron,
        String zone,
        String target,
        boolean paused,
        String workflowId,
        Integer workflowVersion,
        Instant createdAt,
        List<Instant> nextFireTimes,
        List<Fire> recentFires) {

    /** One firing: when it was due, whether it was triggered by hand, and the run or batch it started, or why not. */
    public record Fire(int sequence, Instant dueAt, Instant firedAt, boolean manual, String startedId, String error) {
    }
}
