package com.imagestudio.flow.activities.run;

import com.imagestudio.flow.activities.node.BadInputException;
import io.temporal.failure.ApplicationFailure;

/** The Temporal face of {@link NodeExecutor}: maps input errors to non-retryable failures. */
public class NodeActivitiesImpl implements NodeActivities {

    private final NodeExecutor executor;

    public NodeActivitiesImpl(NodeExecutor executor) {
        this.executor = executor;
    }

    @Override
    public NodeResult runNode(NodeInvocation invocation) {
        try {
            return executor.run(invocation);
        } catch (BadInputException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    invocation.nodeId() + " (" + invocation.type() + "): " + e.getMessage(), BadInputException.TYPE, e);
        }
    }
}
