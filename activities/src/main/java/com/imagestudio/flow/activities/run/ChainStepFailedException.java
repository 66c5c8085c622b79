package com.imagestudio.flow.activities.run;

import java.util.ArrayList;
import java.util.List;

/** A step of a chain failed: which one, why (the cause), and what the steps before it did. */
public final class ChainStepFailedException extends RuntimeException {

    private final ChainStep step;
    private final transient ChainResult done;

    ChainStepFailedException(ChainStep step, List<StepResult> done, RuntimeException cause) {
        super(step.nodeId() + " (" + step.type() + "): " + cause.getMessage(), cause);
        this.step = step;
        this.done = new ChainResult(done);
    }

    /** The same failure, in a chain where {@code before} ran before the steps this one knew of. */
    ChainStepFailedException after(List<StepResult> before) {
        List<StepResult> all = new ArrayList<>(before);
        all.addAll(done.steps());
        return new ChainStepFailedException(step, all, getCause());
    }

    public ChainStep step() {
        return step;
    }

    /** The steps that succeeded before the failing one. */
    public ChainResult done() {
        return done;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
