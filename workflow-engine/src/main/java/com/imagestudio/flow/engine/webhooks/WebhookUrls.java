package com.imagestudio.flow.engine.webhooks;

import com.imagestudio.flow.activities.net.PublicAddresses;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the studio will call back. Only http(s) URLs to public addresses: a webhook must not
 * be a way to reach the studio's own network (loopback, private, link-local, unique-local,
 * carrier-grade NAT, multicast, reserved addresses and IPv6 forms embedding such an IPv4: the rule of
 * {@link PublicAddresses}), unless {@code studio.webhooks.allow-private=true}
 * (tests, or a studio whose receivers live on its own network). Checked when a URL is registered
 * and again on every call, by the resolver of the client the call goes through, so the call reaches
 * exactly the addresses checked.
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
    private void requirePublic(URI uri) {
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
        return !PublicAddresses.isPublic(address);
    }

    /** The client webhook calls go through: it connects only to the addresses it checked, and follows no redirect. */
    OkHttpClient client(OkHttpClient base) {
        OkHttpClient.Builder builder = base.newBuilder().followRedirects(false).followSslRedirects(false);
        if (!allowPrivate) {
            builder.dns(PublicAddresses.checking(base.dns())).socketFactory(PublicAddresses.checkingSockets());
        }
        return builder.build();
    }
}
