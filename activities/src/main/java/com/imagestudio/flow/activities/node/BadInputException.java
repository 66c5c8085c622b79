package com.imagestudio.flow.activities.node;

/**
 * Input that no retry can fix: a corrupt or oversized image, a crop outside the picture, a blob
 * that does not exist. Activities turn it into a non-retryable failure of type {@link #TYPE}.
 */
public class BadInputException extends RuntimeException {

    public static final String TYPE = "BadInput";

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
