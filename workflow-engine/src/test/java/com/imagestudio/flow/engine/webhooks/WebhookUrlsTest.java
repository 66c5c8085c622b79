package com.imagestudio.flow.engine.webhooks;

import com.imagestudio.flow.activities.net.PublicAddresses;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Which webhook URLs are accepted when private addresses are not allowed (the default). */
class WebhookUrlsTest {

    private final WebhookSecrets secrets = mock(WebhookSecrets.class);
    private final WebhookUrls urls = new WebhookUrls(secrets, false);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook", "http://10.1.2.3/hook",
            "http://172.16.0.1/", "https://192.168.1.20/hook", "http://169.254.169.254/latest/meta-data",
            "http://[::1]/hook", "http://[fd00::1]/hook", "http://0.0.0.0/", "http://100.64.0.1/",
            "http://[::127.0.0.1]/hook", "http://[64:ff9b::7f00:1]/hook", "http://[2002:a9fe:a9fe::]/latest/meta-data",
            "http://[fec0::1]/hook", "http://[2001:db8::1]/hook", "http://[::]/hook"})
    void aUrlToAPrivateOrLoopbackAddressIsRefused(String url) {
        when(secrets.exists("alice")).thenReturn(true);

        assertThatThrownBy(() -> urls.check("alice", url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private or loopback address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/hook", "file:///etc/passwd", "http://user:pw@93.184.216.34/", "not a url", ""})
    void aUrlThatIsNotAPlainHttpUrlIsRefused(String url) {
        when(secrets.exists("alice")).thenReturn(true);

        assertThatThrownBy(() -> urls.check("alice", url)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://[2606:2800:220:1:248:1893:25c8:1946]/hook"})
    void aUrlToAPublicAddressIsAccepted(String url) {
        when(secrets.exists("alice")).thenReturn(true);

        assertThat(urls.check("alice", url)).isEqualTo(url);
    }

    @Test
    void aUrlIsRefusedUntilTheOwnerHasASecretToSignWith() {
        when(secrets.exists("bob")).thenReturn(false);

        assertThatThrownBy(() -> urls.check("bob", "https://93.184.216.34/hook")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POST /api/webhooks/secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.example.test", "127.0.0.1"})
    void theCallingClientConnectsOnlyToAddressesItCheckedSoARebindingNameOrLiteralIsRefused(String host) throws Exception {
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.start(InetAddress.getLoopbackAddress(), 0);
            // a name that passed a check earlier and now resolves to loopback (a test-only resolver)
            OkHttpClient base = new OkHttpClient.Builder().dns(name -> List.of(InetAddress.getLoopbackAddress())).build();
            Request call = new Request.Builder().url("http://" + host + ":" + receiver.getPort() + "/hook").build();

            assertThatThrownBy(() -> urls.client(base).newCall(call).execute())
                    .isInstanceOf(PublicAddresses.RefusedAddressException.class);
            assertThat(receiver.getRequestCount()).isZero();
        }
    }
}
