package dev.lifeline.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.config.AddressRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #22 item 4: forwarding headers count only when the peer is a configured proxy. */
class ClientAddressesTest {

    private final ClientAddresses behindProxy = new ClientAddresses(List.of(AddressRange.parse("10.0.0.0/8"),
            AddressRange.parse("fd00::/8")));
    private final ClientAddresses direct = new ClientAddresses(List.of());

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        assertThat(direct.resolve("203.0.113.9", "for=198.51.100.1", "198.51.100.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void aPeerThatIsNoTrustedProxyCannotClaimAnotherAddress() {
        assertThat(behindProxy.resolve("203.0.113.9", null, "10.1.1.1, 198.51.100.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightmostAddressThatIsNoProxy() {
        // The client wrote "1.2.3.4" itself; the proxies appended what they saw, right-most last.
        assertThat(behindProxy.resolve("10.0.0.2", null, "1.2.3.4, 198.51.100.7, 10.0.0.1")).isEqualTo("198.51.100.7");
        assertThat(behindProxy.resolve("10.0.0.2", null, "198.51.100.7")).isEqualTo("198.51.100.7");
    }

    @Test
    void theStandardForwardedHeaderIsReadWithPortsAndIpv6() {
        assertThat(behindProxy.resolve("10.0.0.2", "for=1.2.3.4, for=\"198.51.100.7:4711\";proto=https", null))
                .isEqualTo("198.51.100.7");
        assertThat(behindProxy.resolve("fd00::1", "for=\"[2001:db8:cafe::17]:4711\"", null)).isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(behindProxy.resolve("[fd00::1]", "for=\"[2001:db8:cafe::17]\"", null)).isEqualTo("2001:db8:cafe:0:0:0:0:17");
    }

    @Test
    void anUnreadableHopStopsAtTheLastTrustedProxy() {
        assertThat(behindProxy.resolve("10.0.0.2", "for=unknown", null)).isEqualTo("10.0.0.2");
        assertThat(behindProxy.resolve("10.0.0.2", null, "evil.example.com")).isEqualTo("10.0.0.2");
        assertThat(behindProxy.resolve("10.0.0.2", null, "")).isEqualTo("10.0.0.2");
    }

    @Test
    void addressesAreWrittenOneWaySoSpellingsCannotDodgeTheThrottle() {
        assertThat(behindProxy.resolve("10.0.0.2", null, "2001:DB8::0:1")).isEqualTo(behindProxy.resolve("10.0.0.2", null, "2001:db8::1"));
    }
}
