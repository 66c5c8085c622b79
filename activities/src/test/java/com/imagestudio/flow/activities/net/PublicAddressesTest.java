package com.imagestudio.flow.activities.net;

import okhttp3.Dns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which addresses count as public; literals only, nothing is resolved or contacted. */
class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.20", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "192.0.0.8", "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1", "192.88.99.1",
            "224.0.0.1", "240.0.0.1", "255.255.255.255",
            "::", "::1", "::127.0.0.1", "::10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
            "64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b:1::5db8:d822",
            "2002:7f00:1::", "2002:a9fe:a9fe::1",
            "2001:0:5db8:d822:0:0:80ff:fffe", // Teredo whose client is 127.0.0.1
            "2001:db8::1", "3fff::1", "2001:2::1", "100::1", "fc00::1", "fd00::1", "fe80::1", "fec0::1", "ff02::1"})
    void aLoopbackPrivateReservedOrEmbeddedPrivateAddressIsNotPublic(String literal) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946",
            "::ffff:93.184.216.34", "64:ff9b::5db8:d822", "2002:5db8:d822::1"})
    void aPublicAddressOrOneEmbeddingAPublicIpv4IsPublic(String literal) throws UnknownHostException {
        assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isTrue();
    }

    @Test
    void theCheckingResolverRefusesANameWithAnyNonPublicAddress() throws UnknownHostException {
        List<InetAddress> answer = List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("::1"));
        Dns checking = PublicAddresses.checking(host -> answer);

        assertThatThrownBy(() -> checking.lookup("rebinding.example.test"))
                .isInstanceOf(PublicAddresses.RefusedAddressException.class).hasMessageContaining("0:0:0:0:0:0:0:1");
    }

    @Test
    void theCheckingResolverReturnsExactlyTheAddressesItChecked() throws UnknownHostException {
        int[] lookups = {0};
        Dns flipping = host -> List.of(InetAddress.getByName(lookups[0]++ == 0 ? "93.184.216.34" : "127.0.0.1"));

        List<InetAddress> connectTo = PublicAddresses.checking(flipping).lookup("hooks.example.test");

        assertThat(connectTo).containsExactly(InetAddress.getByName("93.184.216.34"));
        assertThat(lookups[0]).isEqualTo(1);
    }
}
