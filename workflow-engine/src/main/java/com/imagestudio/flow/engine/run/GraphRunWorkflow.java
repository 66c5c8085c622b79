package com.imagestudio.flow.engine.run;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Runs one graph: every node an activity, nodes whose inputs are ready in parallel. */
@WorkflowInterface
public interface GraphRunWorkflow {

    @WorkflowMethod
    RunOutcome run(RunRequest request);
}
