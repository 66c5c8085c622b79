package com.imagestudio.flow.activities.providers;

import java.time.Duration;

/**
 * Retries of one HTTP call inside an activity attempt, for 429 and 5xx: exponential backoff from
 * {@code initialBackoff} up to {@code maxBackoff}, or what {@code Retry-After} asks when it asks no
 * more than {@code maxRetryAfter} (a longer wait is left to the activity's own retry policy).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(20),
            Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** The wait before attempt {@code attempt + 1}, when the provider did not say. */
    public Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
