package com.imagestudio.flow.engine.webhooks;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface WebhookActivities {

    /** Failure type of a call no retry can help (no secret, an address webhooks may not reach). */
    String NOT_DELIVERABLE = "WebhookNotDeliverable";

    /**
     * One attempt: posts the run's outcome, signed, and records the attempt.
     *
     * @throws io.temporal.failure.ApplicationFailure when the receiver answers anything but 2xx or cannot be reached
     */
    void deliver(WebhookCall call);

    /** Records that the delivery gave up, with the last reason. */
    void deliveryFailed(WebhookCall call, String reason);
}
