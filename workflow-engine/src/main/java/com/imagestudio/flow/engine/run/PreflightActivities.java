package com.imagestudio.flow.engine.run;

import io.temporal.activity.ActivityInterface;

/** The first step of every run, before any node: may this run happen, and can it be paid for? */
@ActivityInterface
public interface PreflightActivities {

    /**
     * Reserves the credits the run is estimated to cost, or fails without retry with type
     * {@code InsufficientCredits} ("insufficient credits: need N, have M") or {@code NotInPlan}.
     */
    void reserveCredits(String runId);
}
