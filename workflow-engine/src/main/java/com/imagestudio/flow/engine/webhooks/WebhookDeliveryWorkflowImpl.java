package com.imagestudio.flow.engine.webhooks;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.time.Duration;

public class WebhookDeliveryWorkflowImpl implements WebhookDeliveryWorkflow {

    private static final Logger log = Workflow.getLogger(WebhookDeliveryWorkflowImpl.class);

    /** 10 attempts, 2 s doubling to at most 10 min between them: about 17 minutes in all. */
    static final RetryOptions DELIVERY_RETRY = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(2))
            .setBackoffCoefficient(2)
            .setMaximumInterval(Duration.ofMinutes(10))
            .setMaximumAttempts(10)
            .setDoNotRetry(WebhookActivities.NOT_DELIVERABLE)
            .build();

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMinutes(1);

    private final WebhookActivities calls = Workflow.newActivityStub(WebhookActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(ATTEMPT_TIMEOUT)
            .setRetryOptions(DELIVERY_RETRY)
            .build());

    /** The longest a delivery can take from its first attempt to its last: every attempt timed out, every backoff waited. */
    static Duration retryWindow() {
        Duration window = ATTEMPT_TIMEOUT.multipliedBy(DELIVERY_RETRY.getMaximumAttempts());
        Duration interval = DELIVERY_RETRY.getInitialInterval();
        for (int attempt = 1; attempt < DELIVERY_RETRY.getMaximumAttempts(); attempt++) {
            window = window.plus(interval);
            Duration next = Duration.ofMillis((long) (interval.toMillis() * DELIVERY_RETRY.getBackoffCoefficient()));
            interval = next.compareTo(DELIVERY_RETRY.getMaximumInterval()) > 0 ? DELIVERY_RETRY.getMaximumInterval() : next;
        }
        return window;
    }

    @Override
    public void deliver(WebhookCall call) {
        try {
            calls.deliver(call);
        } catch (ActivityFailure e) {
            String reason = e.getCause() instanceof ApplicationFailure failure ? failure.getOriginalMessage()
                    : String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            log.info("webhook for run {} not delivered: {}", call.runId(), reason);
            calls.deliveryFailed(call, reason);
        }
    }
}
