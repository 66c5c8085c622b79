package com.imagestudio.flow.activities.net;

import okhttp3.Dns;

import javax.net.SocketFactory;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The one rule for which addresses the studio calls out to on someone else's say-so (webhook URLs,
 * provider result URLs): public unicast only. IPv6 forms that carry an IPv4 address
 * (IPv4-compatible, IPv4-mapped, NAT64 64:ff9b::/96, 6to4, Teredo) are judged by the IPv4 rules,
 * since the packet ends up at that IPv4 address.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? isPublicV4(b, 0) : isPublicV6(b);
    }

    /**
     * A resolver that refuses a name with any non-public address and otherwise returns exactly the
     * addresses it checked, so the connection goes to what was checked (no DNS-rebinding window).
     */
    public static Dns checking(Dns delegate) {
        return host -> {
            List<InetAddress> addresses = delegate.lookup(host);
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedAddressException(host, address);
                }
            }
            return addresses;
        };
    }

    /**
     * Sockets that refuse to connect to a non-public address: the check sits on the connection
     * itself, so it covers every hop of a redirect and IP-literal hosts, which OkHttp does not pass
     * through its {@link Dns}.
     */
    public static SocketFactory checkingSockets() {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new Socket() {
                    @Override
                    public void connect(SocketAddress endpoint, int timeout) throws IOException {
                        InetSocketAddress target = (InetSocketAddress) endpoint;
                        if (target.getAddress() == null || !isPublic(target.getAddress())) {
                            throw new RefusedAddressException(target.getHostString(), target.getAddress());
                        }
                        super.connect(endpoint, timeout);
                    }
                };
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException("unconnected sockets only");
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException("unconnected sockets only");
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException("unconnected sockets only");
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                throw new UnsupportedOperationException("unconnected sockets only");
            }
        };
    }

    /** An address the policy refuses; an {@link IOException} so that OkHttp surfaces it unchanged. */
    public static final class RefusedAddressException extends UnknownHostException {
        public RefusedAddressException(String host, InetAddress address) {
            super(host + " points to a private, loopback or reserved address ("
                    + (address == null ? "unresolved" : address.getHostAddress()) + "); only public addresses are called");
        }
    }

    private static boolean isPublicV4(byte[] b, int at) {
        int a0 = b[at] & 0xFF;
        int a1 = b[at + 1] & 0xFF;
        int a2 = b[at + 2] & 0xFF;
        return !(a0 == 0                                    // "this network"
                || a0 == 10                                 // private
                || a0 == 127                                // loopback
                || (a0 == 100 && (a1 & 0xC0) == 64)         // carrier-grade NAT 100.64.0.0/10
                || (a0 == 169 && a1 == 254)                 // link-local
                || (a0 == 172 && (a1 & 0xF0) == 16)         // private 172.16.0.0/12
                || (a0 == 192 && a1 == 168)                 // private
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (a0 == 192 && a1 == 88 && a2 == 99)      // 6to4 relay anycast
                || (a0 == 198 && (a1 & 0xFE) == 18)         // benchmarking 198.18.0.0/15
                || (a0 == 198 && a1 == 51 && a2 == 100)     // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113)      // TEST-NET-3
                || a0 >= 224);                              // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        if (zero(b, 0, 10) && ((b[10] == 0 && b[11] == 0) || ((b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF))) {
            return isPublicV4(b, 12);                       // ::a.b.c.d (with :: and ::1), ::ffff:a.b.c.d
        }
        int w0 = word(b, 0);
        int w1 = word(b, 2);
        if (w0 == 0x64 && w1 == 0xff9b) {
            // NAT64: the well-known /96 embeds an IPv4; 64:ff9b:1::/48 is for local use only
            return zero(b, 4, 12) && isPublicV4(b, 12);
        }
        if (w0 == 0x2002) {
            return isPublicV4(b, 2);                        // 6to4
        }
        if (w0 == 0x2001 && w1 == 0) {
            // Teredo: server IPv4, then the client's IPv4 with every bit flipped
            byte[] client = new byte[4];
            for (int i = 0; i < 4; i++) {
                client[i] = (byte) ~b[12 + i];
            }
            return isPublicV4(b, 4) && isPublicV4(client, 0);
        }
        if ((w0 & 0xE000) != 0x2000) {
            // outside global unicast 2000::/3: unspecified, discard-only 100::/64, unique local,
            // link-local, site-local fec0::/10, multicast and the unassigned rest
            return false;
        }
        return !((w0 == 0x2001 && w1 == 0x0db8)             // documentation 2001:db8::/32
                || (w0 == 0x3fff && (w1 & 0xF000) == 0)     // documentation 3fff::/20
                || (w0 == 0x2001 && w1 == 0x0002 && word(b, 4) == 0)); // benchmarking 2001:2::/48
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
