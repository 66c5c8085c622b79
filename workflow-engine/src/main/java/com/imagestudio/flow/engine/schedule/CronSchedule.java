package com.imagestudio.flow.engine.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A 5-field Unix cron expression (minute hour day-of-month month day-of-week; a day matches when
 * either day field does, as in cron) in a time zone. Times are wall-clock times in that zone, so
 * "0 9 * * *" in Europe/Paris is 08:00 UTC in winter and 07:00 UTC in summer. A time that a
 * daylight-saving change skips does not happen that day; a time it repeats happens once.
 * Pure computation: the schedule workflow calls it with its own deterministic clock.
 */
public final class CronSchedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime times;

    private CronSchedule(String expression, ZoneId zone, ExecutionTime times) {
        this.expression = expression;
        this.zone = zone;
        this.times = times;
    }

    /** @throws IllegalArgumentException with what is wrong with the expression or the zone */
    public static CronSchedule parse(String expression, String zone) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("a schedule needs a cron expression, such as \"0 9 * * 1\"");
        }
        String trimmed = expression.trim();
        if (trimmed.split("\\s+").length != 5) {
            throw new IllegalArgumentException("cron needs 5 fields (minute hour day-of-month month day-of-week), got \""
                    + trimmed + "\"");
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone \"" + zone + "\"; use a name such as Europe/Paris");
        }
        try {
            return new CronSchedule(trimmed, zoneId, ExecutionTime.forCron(PARSER.parse(trimmed)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cron expression \"" + trimmed + "\": " + e.getMessage());
        }
    }

    /** The first time strictly after {@code after} that the expression matches. */
    public Instant nextAfter(Instant after) {
        return times.nextExecution(after.atZone(zone))
                .map(ZonedDateTime::toInstant)
                .orElseThrow(() -> new IllegalStateException("\"" + expression + "\" never matches again"));
    }

    /** The next {@code count} times after {@code after}. */
    public List<Instant> next(Instant after, int count) {
        List<Instant> next = new ArrayList<>(count);
        Instant at = after;
        for (int i = 0; i < count; i++) {
            at = nextAfter(at);
            next.add(at);
        }
        return next;
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }
}
