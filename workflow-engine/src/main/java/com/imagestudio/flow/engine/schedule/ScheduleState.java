package com.imagestudio.flow.engine.schedule;

/**
 * The argument of a schedule workflow and all it carries across continue-as-new.
 *
 * @param lastDueMillis when the last cron firing was due (epoch ms; 0 before the first): the
 *                      next one is computed after it, so no firing is repeated
 * @param fires         how many times it has fired, cron or manual: the next firing's sequence
 */
public record ScheduleState(String scheduleId, String cron, String zone, boolean paused, long lastDueMillis, int fires) {
}
