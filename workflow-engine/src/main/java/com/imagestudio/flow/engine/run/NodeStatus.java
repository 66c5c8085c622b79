package com.imagestudio.flow.engine.run;

public enum NodeStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED,
    /** Not run because a node it depends on, or another branch, failed first. */
    SKIPPED
}
