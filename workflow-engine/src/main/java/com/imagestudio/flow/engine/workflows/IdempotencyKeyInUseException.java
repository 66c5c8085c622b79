package com.imagestudio.flow.engine.workflows;

/** Another request with the same key is still starting its run. */
public class IdempotencyKeyInUseException extends RuntimeException {

    public IdempotencyKeyInUseException(String key) {
        super("a request with Idempotency-Key \"" + key + "\" is still being processed; try again in a moment");
    }
}
