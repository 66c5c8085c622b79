package com.imagestudio.flow.engine.batch;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Runs a batch's pending rows, each as a child graph run, a bounded number at a time. */
@WorkflowInterface
public interface BatchWorkflow {

    @WorkflowMethod
    BatchOutcome run(BatchRequest request);
}
