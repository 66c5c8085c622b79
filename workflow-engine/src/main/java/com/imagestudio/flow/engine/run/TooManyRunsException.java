package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.engine.credits.Plan;

/** The owner already has as many runs in progress as the plan allows (see {@link RunAdmission}). */
public class TooManyRunsException extends RuntimeException {

    /** @param asked the places asked for: 1 for a run, its concurrency for a batch */
    public TooManyRunsException(long inProgress, int asked, Plan plan) {
        super(inProgress + " run(s) in progress" + (asked > 1 ? ", and the batch would run " + asked + " at once" : "")
                + ": the " + plan.name().toLowerCase() + " plan allows " + plan.maxConcurrentRuns()
                + " at a time; wait for one to end");
    }
}
