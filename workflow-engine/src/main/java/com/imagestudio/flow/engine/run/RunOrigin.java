package com.imagestudio.flow.engine.run;

/**
 * Where a run comes from and whom it tells when it ends; every part may be absent.
 *
 * @param workflowId      the saved workflow it runs
 * @param workflowVersion the version of that workflow it runs
 * @param retryOf         the run it retries
 * @param webhookUrl      called once the run has ended, however it ended
 */
public record RunOrigin(String workflowId, Integer workflowVersion, String retryOf, String webhookUrl) {

    /** A graph sent as is, by no saved workflow, with no webhook. */
    public static final RunOrigin NONE = new RunOrigin(null, null, null, null);

    public static RunOrigin ofWorkflow(String workflowId, int version, String webhookUrl) {
        return new RunOrigin(workflowId, version, null, webhookUrl);
    }
}
