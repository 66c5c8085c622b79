package com.imagestudio.flow.engine.webhooks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the studio will call back. Only http(s) URLs to public addresses: a webhook must not
 * be a way to reach the studio's own network (loopback, private, link-local, unique-local,
 * carrier-grade NAT or multicast addresses), unless {@code studio.webhooks.allow-private=true}
 * (tests, or a studio whose receivers live on its own network). Checked when a URL is registered
 * and again before every call, since a name can resolve elsewhere later.
 */
@Component
public class WebhookUrls {

    private static final int MAX_LENGTH = 2000;

    private final WebhookSecrets secrets;
    private final boolean allowPrivate;

    WebhookUrls(WebhookSecrets secrets, @Value("${studio.webhooks.allow-private:false}") boolean allowPrivate) {
        this.secrets = secrets;
        this.allowPrivate = allowPrivate;
    }

    /**
     * @return the URL to store
     * @throws IllegalArgumentException when the URL is refused, or the owner has no secret to sign calls with yet
     */
    public String check(String ownerId, String url) {
        URI uri = parse(url);
        if (!secrets.exists(ownerId)) {
            throw new IllegalArgumentException("create a webhook secret first (POST /api/webhooks/secret): "
                    + "every webhook call is signed with it");
        }
        requirePublic(uri);
        return uri.toString();
    }

    /** @throws IllegalArgumentException when the URL's host resolves to an address webhooks may not reach */
    void requirePublic(URI uri) {
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("webhook host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw new IllegalArgumentException("webhook URL " + uri + " points to a private or loopback address ("
                        + address.getHostAddress() + "); webhooks call public addresses only");
            }
        }
    }

    static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a webhook URL must be 1 to " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("webhook URL is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("a webhook URL must be http or https, got \"" + url + "\"");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a webhook URL needs a host, and no user info or fragment: \"" + url + "\"");
        }
        return uri;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:a.b.c.d mapped addresses are returned as Inet4Address by Java
            return (bytes[0] & 0xFE) == 0xFC;
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        return first == 0                                   // "this network"
                || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64.0.0/10
                || (first == 192 && second == 0 && (bytes[2] & 0xFF) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19))       // benchmarking
                || first >= 240;                              // reserved and broadcast
    }
}
