package com.imagestudio.flow.activities.providers;

import com.imagestudio.flow.catalog.provider.Provider;

/**
 * The provider refused the request for a reason no retry fixes: bad parameters (400), a missing
 * or wrong key (401), no credit left (402), content moderation (403 or a filtered result), or the
 * provider not being configured at all. The activity maps it to a non-retryable failure of type
 * {@link #TYPE}, carrying the provider's own message. The message never contains the API key.
 */
public class ProviderRejectedException extends RuntimeException {

    public static final String TYPE = "ProviderRejected";

    private final Provider provider;
    private final int status;

    public ProviderRejectedException(Provider provider, int status, String providerMessage) {
        super(provider.displayName() + " refused the request" + (status > 0 ? " (HTTP " + status + ")" : "")
                + ": " + providerMessage);
        this.provider = provider;
        this.status = status;
    }

    /** The same refusal, told with more context (which item of a list it was for). */
    public ProviderRejectedException(String message, ProviderRejectedException refusal) {
        super(message, refusal);
        this.provider = refusal.provider;
        this.status = refusal.status;
    }

    public static ProviderRejectedException notConfigured(Provider provider) {
        return new ProviderRejectedException(provider, 0,
                "it is not configured on this worker; set " + provider.envVariable());
    }

    public Provider provider() {
        return provider;
    }

    /** The HTTP status, or 0 when the refusal came in a successful response (a filtered result). */
    public int status() {
        return status;
    }
}
