package com.imagestudio.flow.engine.workflows;

/** The key was already used by this user for a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key \"" + key + "\" was already used for a different request; use a new key for a new request");
    }
}
