package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal face of {@link NodeExecutor}: maps input errors and provider refusals to
 * non-retryable failures, turns a provider node's progress into heartbeats, and heartbeats while
 * any node works, so that a node that works for long is not taken for dead and the node of a
 * worker that died runs again once its heartbeat timeout passes, not its whole start-to-close timeout.
 */
public class NodeActivitiesImpl implements NodeActivities {

    /** One thread for every running node: a heartbeat is a short call, a few times per timeout. */
    private static final ScheduledExecutorService KEEPALIVE = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "node-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    private final NodeExecutor executor;

    public NodeActivitiesImpl(NodeExecutor executor) {
        this.executor = executor;
    }

    @Override
    public NodeResult runNode(NodeInvocation invocation) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        ScheduledFuture<?> keepalive = keepalive(context);
        try {
            return executor.run(invocation, context::heartbeat);
        } catch (BadInputException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    invocation.nodeId() + " (" + invocation.type() + "): " + e.getMessage(), BadInputException.TYPE, e);
        } catch (ProviderRejectedException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    invocation.nodeId() + " (" + invocation.type() + "): " + e.getMessage(),
                    ProviderRejectedException.TYPE, e);
        } finally {
            if (keepalive != null) {
                keepalive.cancel(false);
            }
        }
    }

    /**
     * Heartbeats four times per heartbeat timeout (Temporal sends at most one per 80% of it) until
     * cancelled; none when the activity has no heartbeat timeout.
     */
    private static ScheduledFuture<?> keepalive(ActivityExecutionContext context) {
        Duration timeout = context.getInfo().getHeartbeatTimeout();
        if (timeout == null || timeout.isZero()) {
            return null;
        }
        long period = Math.max(1, timeout.toMillis() / 4);
        return KEEPALIVE.scheduleAtFixedRate(() -> {
            try {
                context.heartbeat(null);
            } catch (RuntimeException e) {
                // ended on the server (timed out, cancelled) or not reached: the node's own thread
                // carries on, and an exception here must not end the keepalive
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }
}
