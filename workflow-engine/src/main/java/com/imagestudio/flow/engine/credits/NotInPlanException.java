package com.imagestudio.flow.engine.credits;

/** A run uses a node its owner's plan does not include. */
public class NotInPlanException extends RuntimeException {

    public static final String TYPE = "NotInPlan";

    public NotInPlanException(String message) {
        super(message);
    }
}
