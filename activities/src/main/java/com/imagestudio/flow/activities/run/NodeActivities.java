package com.imagestudio.flow.activities.run;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface NodeActivities {

    /** Runs one node; bad input fails without retry, with type {@code BadInput}. */
    @ActivityMethod
    NodeResult runNode(NodeInvocation invocation);

    /**
     * Runs the steps of a chain as one activity (see {@link NodeExecutor#run(FusedChain,
     * com.imagestudio.flow.activities.providers.ProgressListener)}). A failing step fails the
     * activity with that step's message and type, as {@link #runNode} would; the failure's
     * details are the {@link ChainResult} of the steps before it and the failing node's id.
     */
    @ActivityMethod
    ChainResult runChain(FusedChain chain);
}
