package com.imagestudio.flow.engine.run;

/** The argument of a graph run; the run id is also the workflow id. */
public record RunRequest(String runId, ExecutionPlan plan) {
}
