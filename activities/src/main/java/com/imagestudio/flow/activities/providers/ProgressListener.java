package com.imagestudio.flow.activities.providers;

import java.util.function.Supplier;

/**
 * Told while a long provider job runs (each poll). The activity implements it with a Temporal
 * heartbeat, so a worker that dies mid-job is noticed; nodes stay free of Temporal.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = detail -> { };

    void progress(String detail);

    /**
     * The id of the asynchronous provider job for {@code request} (a stable digest of what is
     * submitted): the one an earlier attempt of the same activity submitted and recorded, or else
     * a new one from {@code submit}, recorded so that a retry polls it instead of paying again.
     */
    default String job(String request, Supplier<String> submit) {
        return submit.get();
    }
}
