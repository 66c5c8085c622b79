package com.imagestudio.flow.activities.providers;

import com.imagestudio.flow.catalog.provider.Provider;

/**
 * The provider could not answer now (rate limit, outage, timeout, a job still running after the
 * polling time): retryable. The activity lets it fail the attempt, and Temporal retries with the
 * provider retry policy.
 */
public class ProviderUnavailableException extends RuntimeException {

    private final Provider provider;

    public ProviderUnavailableException(Provider provider, String message, Throwable cause) {
        super(provider.displayName() + " is unavailable: " + message, cause);
        this.provider = provider;
    }

    public ProviderUnavailableException(Provider provider, String message) {
        this(provider, message, null);
    }

    public Provider provider() {
        return provider;
    }
}
