package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.engine.credits.Plan;

/** The owner already has as many runs in progress as the plan allows. */
public class TooManyRunsException extends RuntimeException {

    public TooManyRunsException(long inFlight, Plan plan) {
        super(inFlight + " run(s) in progress: the " + plan.name().toLowerCase() + " plan allows "
                + plan.maxConcurrentRuns() + " at a time; wait for one to end");
    }
}
