package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.BadInputException;
import com.imagestudio.flow.activities.providers.ProviderRejectedException;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

/**
 * The Temporal face of {@link NodeExecutor}: maps input errors and provider refusals to
 * non-retryable failures, and turns a provider node's progress into heartbeats.
 */
public class NodeActivitiesImpl implements NodeActivities {

    private final NodeExecutor executor;

    public NodeActivitiesImpl(NodeExecutor executor) {
        this.executor = executor;
    }

    @Override
    public NodeResult runNode(NodeInvocation invocation) {
        try {
            return executor.run(invocation, detail -> Activity.getExecutionContext().heartbeat(detail));
        } catch (BadInputException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    invocation.nodeId() + " (" + invocation.type() + "): " + e.getMessage(), BadInputException.TYPE, e);
        } catch (ProviderRejectedException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    invocation.nodeId() + " (" + invocation.type() + "): " + e.getMessage(),
                    ProviderRejectedException.TYPE, e);
        }
    }
}
