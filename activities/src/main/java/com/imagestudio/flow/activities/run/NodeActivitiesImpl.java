package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.providers.ProgressListener;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

/**
 * The Temporal face of {@link NodeExecutor}: maps input errors and provider refusals to
 * non-retryable failures, and turns a provider node's progress into heartbeats.
 */
public class NodeActivitiesImpl implements NodeActivities {

    private static final ProgressListener HEARTBEAT = detail -> Activity.getExecutionContext().heartbeat(detail);

    private final NodeExecutor executor;

    public NodeActivitiesImpl(NodeExecutor executor) {
        this.executor = executor;
    }

    @Override
    public NodeResult runNode(NodeInvocation invocation) {
        try {
            return executor.run(invocation, HEARTBEAT);
        } catch (BadInputException | ProviderRejectedException e) {
            throw failure(invocation.nodeId(), invocation.type(), e);
        }
    }

    @Override
    public ChainResult runChain(FusedChain chain) {
        try {
            return executor.run(chain, HEARTBEAT);
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
}
