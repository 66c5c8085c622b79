package com.imagestudio.flow.activities.run;

import java.util.List;

/** What each step of a chain did, in order. */
public record ChainResult(List<StepResult> steps) {

    public ChainResult {
        steps = List.copyOf(steps);
    }
}
