package com.imagestudio.flow.engine.credits;

/** A run would cost more than the account has available; nothing was reserved. */
public class InsufficientCreditsException extends RuntimeException {

    public static final String TYPE = "InsufficientCredits";

    public InsufficientCreditsException(int need, int have) {
        super("insufficient credits: need " + need + ", have " + have);
    }
}
