package com.imagestudio.flow.activities.providers;

import okhttp3.HttpUrl;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Refuses result URLs that point inside the worker's network (loopback, private, link-local,
 * multicast addresses) or use another scheme than http(s): a provider response must not make a
 * worker fetch internal services.
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
        if (allowPrivate) {
            return parsed;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(parsed.host())) {
                if (isInternal(address)) {
                    throw new IllegalArgumentException("refusing to download from an internal address: " + parsed.host());
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in result URL: " + parsed.host(), e);
        }
        return parsed;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] raw = address.getAddress();
        // IPv6 unique local fc00::/7, and carrier-grade NAT 100.64.0.0/10
        return (raw.length == 16 && (raw[0] & 0xFE) == 0xFC)
                || (raw.length == 4 && (raw[0] & 0xFF) == 100 && (raw[1] & 0xC0) == 64);
    }
}
