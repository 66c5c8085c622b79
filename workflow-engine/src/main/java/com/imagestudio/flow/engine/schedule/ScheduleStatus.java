package com.imagestudio.flow.engine.schedule;

/** What the schedule workflow is doing, for its query: {@code nextDueMillis} is 0 while paused. */
public record ScheduleStatus(String cron, String zone, boolean paused, long nextDueMillis, long lastDueMillis, int fires) {
}
