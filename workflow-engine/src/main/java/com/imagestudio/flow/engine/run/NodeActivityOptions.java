package com.imagestudio.flow.engine.run;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import com.imagestudio.flow.catalog.schema.NodeKind;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;

import java.time.Duration;

/** Timeouts and retries of a node's activity, by the kind of work it does. */
final class NodeActivityOptions {

    /**
     * Every node heartbeats while it works (see {@code NodeActivitiesImpl}), so a node whose worker
     * died runs again on another worker once this passes, not after its whole start-to-close timeout.
     */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration LOCAL_NODE_TIMEOUT = Duration.ofMinutes(5);

    private NodeActivityOptions() {
    }

    static ActivityOptions forKind(NodeKind kind) {
        return forChain(kind, 1);
    }

    /** A fused chain of {@code steps} nodes: the retries of its kind, the time of that many nodes. */
    static ActivityOptions forChain(NodeKind kind, int steps) {
        return switch (kind) {
            // local work fails for a reason that a retry rarely fixes: retry little, quickly
            case LOCAL -> ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(LOCAL_NODE_TIMEOUT.multipliedBy(steps))
                    .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumAttempts(3)
                            .setDoNotRetry(BadInputException.TYPE)
                            .build())
                    .build();
            // providers: rate limits and outages pass; back off, heartbeat while polling
            case PROVIDER -> ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(30))
                    .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(2))
                            .setBackoffCoefficient(2)
                            .setMaximumInterval(Duration.ofMinutes(2))
                            .setMaximumAttempts(8)
                            .setDoNotRetry(BadInputException.TYPE, ProviderRejectedException.TYPE)
                            .build())
                    .build();
        };
    }
}
