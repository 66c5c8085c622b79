package com.imagestudio.flow.activities.providers;

import java.time.Duration;

/**
 * How often to ask whether a job is done: from {@code initialInterval}, growing by half each time
 * up to {@code maxInterval}, for at most {@code timeout} of waiting. Providers ask for a few
 * seconds between checks on image jobs and more on video.
 */
public record PollSchedule(Duration initialInterval, Duration maxInterval, Duration timeout) {

    public static final PollSchedule IMAGE = new PollSchedule(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofMinutes(10));
    public static final PollSchedule VIDEO = new PollSchedule(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(25));

    Duration next(Duration interval) {
        long grown = interval.toMillis() * 3 / 2;
        return Duration.ofMillis(Math.min(grown, maxInterval.toMillis()));
    }
}
