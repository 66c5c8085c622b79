package com.imagestudio.flow.activities.providers;

import com.imagestudio.flow.activities.net.PublicAddresses;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Result URLs must be http(s), and unless private downloads are allowed every connection a
 * download makes (each redirect hop included) must go to a public address
 * ({@link PublicAddresses}): a provider response must not make a worker fetch internal services.
 * The address is checked where OkHttp resolves and connects, so what is checked is what is reached.
 */
final class UrlGuard {

    private final boolean allowPrivate;

    UrlGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    HttpUrl check(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        return parsed;
    }

    /** The client downloads go through. */
    OkHttpClient guarded(OkHttpClient client) {
        if (allowPrivate) {
            return client;
        }
        return client.newBuilder()
                .dns(PublicAddresses.checking(client.dns()))
                .socketFactory(PublicAddresses.checkingSockets())
                .build();
    }
}
