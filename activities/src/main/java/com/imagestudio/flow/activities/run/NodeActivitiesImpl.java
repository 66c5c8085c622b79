package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Temporal face of {@link NodeExecutor}: maps input errors and provider refusals to
 * non-retryable failures, turns a provider node's progress into heartbeats (carrying the ids of the
 * provider jobs it submitted, which a retried attempt resumes: {@link Heartbeats}), and heartbeats while
 * any node or chain works, so that work that takes long is not taken for dead and the work of a
 * worker that died runs again once its heartbeat timeout passes, not its whole start-to-close timeout.
 */
public class NodeActivitiesImpl implements NodeActivities {

    /** One thread for every running activity: a heartbeat is a short call, a few times per timeout. */
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
        Heartbeats heartbeats = new Heartbeats(Activity.getExecutionContext());
        try {
            return heartbeating(heartbeats, () -> executor.run(invocation, heartbeats));
        } catch (BadInputException | ProviderRejectedException e) {
            throw failure(invocation.nodeId(), invocation.type(), e);
        }
    }

    @Override
    public ChainResult runChain(FusedChain chain) {
        Heartbeats heartbeats = new Heartbeats(Activity.getExecutionContext());
        try {
            return heartbeating(heartbeats, () -> executor.run(chain, heartbeats));
        } catch (ChainStepFailedException e) {
            throw failure(e.step().nodeId(), e.step().type(), e.getCause(), e.done(), e.step().nodeId());
        }
    }

    /**
     * Bad input and provider refusals are never retried; anything else is, with the message and
     * type Temporal would give it.
     */
    private static ApplicationFailure failure(String nodeId, String type, RuntimeException e, Object... details) {
        if (e instanceof BadInputException || e instanceof ProviderRejectedException) {
            String kind = e instanceof BadInputException ? BadInputException.TYPE : ProviderRejectedException.TYPE;
            return ApplicationFailure.newNonRetryableFailureWithCause(nodeId + " (" + type + "): " + e.getMessage(), kind, e, details);
        }
        return ApplicationFailure.newFailureWithCause(e.getMessage(), e.getClass().getName(), e, details);
    }

    /**
     * Does the work while heartbeating four times per heartbeat timeout (Temporal sends at most
     * one per 80% of it); without a heartbeat timeout, just does the work.
     */
    private static <T> T heartbeating(Heartbeats heartbeats, Supplier<T> work) {
        Duration timeout = Activity.getExecutionContext().getInfo().getHeartbeatTimeout();
        if (timeout == null || timeout.isZero()) {
            return work.get();
        }
        long period = Math.max(1, timeout.toMillis() / 4);
        ScheduledFuture<?> keepalive = KEEPALIVE.scheduleAtFixedRate(() -> {
            try {
                heartbeats.beat();
            } catch (RuntimeException e) {
                // ended on the server (timed out, cancelled) or not reached: the work's own thread
                // carries on, and an exception here must not end the keepalive
            }
        }, period, period, TimeUnit.MILLISECONDS);
        try {
            return work.get();
        } finally {
            keepalive.cancel(false);
        }
    }
}
