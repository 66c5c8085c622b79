package com.imagestudio.flow.activities.providers;

/** Lets provider clients in sub-packages put a key in a header without exposing {@link ApiKey#reveal()}. */
public final class ApiKeys {

    private ApiKeys() {
    }

    public static String bearer(ProviderSettings.Endpoint endpoint) {
        return "Bearer " + endpoint.key().reveal();
    }

    public static String raw(ProviderSettings.Endpoint endpoint) {
        return endpoint.key().reveal();
    }
}
