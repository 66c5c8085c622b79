package com.imagestudio.flow.engine.batch;

public enum BatchRowStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED
}
