package com.imagestudio.flow.web.runs;

import java.time.Duration;

/** {@code ?wait=N} on the calls that start or report a run: hold the answer up to N seconds for the run to end. */
public final class RunWait {

    private static final int MAX_WAIT_SECONDS = 120;

    private RunWait() {
    }

    public static Duration of(int seconds) {
        if (seconds < 0 || seconds > MAX_WAIT_SECONDS) {
            throw new IllegalArgumentException("wait must be 0 to " + MAX_WAIT_SECONDS + " seconds, got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
