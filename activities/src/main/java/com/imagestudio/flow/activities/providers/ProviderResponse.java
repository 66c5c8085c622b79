package com.imagestudio.flow.activities.providers;

import okhttp3.Headers;

import java.nio.charset.StandardCharsets;

/** A successful (2xx) answer, read whole: status, headers and body bytes. */
public record ProviderResponse(int status, Headers headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The media type without parameters, lower case, or "" when absent. */
    public String mediaType() {
        String type = headers.get("Content-Type");
        return type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    }
}
