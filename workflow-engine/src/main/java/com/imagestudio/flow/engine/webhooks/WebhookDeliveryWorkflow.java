package com.imagestudio.flow.engine.webhooks;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Calls a run's webhook until it answers 2xx, backing off between attempts, and records the
 * delivery as failed when every attempt is spent. Started by the run's workflow as a child that
 * outlives it, so a slow or broken receiver never holds a finished run open.
 */
@WorkflowInterface
public interface WebhookDeliveryWorkflow {

    @WorkflowMethod
    void deliver(WebhookCall call);
}
