package com.imagestudio.flow.activities.providers;

import java.util.Objects;

/** A secret that never shows itself: its {@code toString} is masked, so it cannot leak into logs or messages. */
public final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank");
        }
        return new ApiKey(value.strip());
    }

    /** Only for the request header that carries it. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKey[***]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }
}
