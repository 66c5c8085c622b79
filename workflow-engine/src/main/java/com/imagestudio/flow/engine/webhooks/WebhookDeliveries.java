package com.imagestudio.flow.engine.webhooks;

import com.imagestudio.flow.engine.config.StudioProperties;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The webhook deliveries recorded in {@code webhook_deliveries}, as a whole. */
@Service
public class WebhookDeliveries {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final JdbcClient jdbc;
    private final WebhookActivities activities;
    private final WorkflowClient temporal;
    private final StudioProperties properties;
    private final Clock clock;

    WebhookDeliveries(JdbcClient jdbc, WebhookActivities activities, WorkflowClient temporal, StudioProperties properties,
                      Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.temporal = temporal;
        this.properties = properties;
        this.clock = clock;
    }

    private record Pending(WebhookCall call, Instant createdAt) {
    }

    /**
     * Starts again the deliveries left pending by a restart of the in-process Temporal server,
     * which forgot their workflows: one still within its retry window gets a new round of
     * attempts; one past it is ended as FAILED, as its attempts would have ended it.
     *
     * @return the ids of the deliveries started again
     */
    public List<String> resumePending() {
        List<Pending> pending = jdbc.sql("select id, run_id, url, created_at from webhook_deliveries where status = 'PENDING'")
                .query((rs, i) -> new Pending(new WebhookCall(rs.getString("id"), rs.getString("run_id"), rs.getString("url")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        Instant windowOpenSince = clock.instant().minus(WebhookDeliveryWorkflowImpl.retryWindow());
        List<String> resumed = new ArrayList<>();
        for (Pending delivery : pending) {
            try {
                if (delivery.createdAt().isBefore(windowOpenSince)) {
                    activities.deliveryFailed(delivery.call(), "its retry window had passed when the studio restarted");
                } else {
                    start(delivery.call());
                    resumed.add(delivery.call().deliveryId());
                }
            } catch (WorkflowExecutionAlreadyStarted alive) {
                // a cluster kept it
            } catch (RuntimeException broken) {
                log.warn("webhook delivery {} could not be resumed after a restart", delivery.call().deliveryId(), broken);
            }
        }
        return resumed;
    }

    private void start(WebhookCall call) {
        WebhookDeliveryWorkflow workflow = temporal.newWorkflowStub(WebhookDeliveryWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(call.deliveryId())
                .setTaskQueue(properties.temporal().taskQueue())
                .build());
        WorkflowClient.start(workflow::deliver, call);
    }
}
