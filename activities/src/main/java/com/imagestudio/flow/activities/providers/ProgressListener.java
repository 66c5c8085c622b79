package com.imagestudio.flow.activities.providers;

/**
 * Told while a long provider job runs (each poll). The activity implements it with a Temporal
 * heartbeat, so a worker that dies mid-job is noticed; nodes stay free of Temporal.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = detail -> { };

    void progress(String detail);
}
