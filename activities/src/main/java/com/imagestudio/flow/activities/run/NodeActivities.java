package com.imagestudio.flow.activities.run;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface NodeActivities {

    /** Runs one node; bad input fails without retry, with type {@code BadInput}. */
    @ActivityMethod
    NodeResult runNode(NodeInvocation invocation);
}
