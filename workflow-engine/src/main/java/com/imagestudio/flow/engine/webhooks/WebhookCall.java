package com.imagestudio.flow.engine.webhooks;

/**
 * One webhook to call about one run that ended. The delivery id stays the same over every
 * attempt (sent as {@code X-Studio-Delivery}), so a receiver can drop a repeat.
 */
public record WebhookCall(String deliveryId, String runId, String url) {

    public static WebhookCall forRun(String runId, String url) {
        return new WebhookCall("webhook-" + runId, runId, url);
    }
}
