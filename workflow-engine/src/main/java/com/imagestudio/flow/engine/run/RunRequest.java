package com.imagestudio.flow.engine.run;

/**
 * The argument of a graph run; the run id is also the workflow id.
 *
 * @param webhookUrl called when the run ends; null for none (and in histories recorded before webhooks)
 */
public record RunRequest(String runId, ExecutionPlan plan, String webhookUrl) {

    public RunRequest(String runId, ExecutionPlan plan) {
        this(runId, plan, null);
    }
}
