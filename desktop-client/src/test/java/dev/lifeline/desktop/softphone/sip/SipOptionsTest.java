package dev.lifeline.desktop.softphone.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.desktop.softphone.media.PortRange;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SipOptionsTest {

    @Test
    void readsThePortsAFirewallMustOpen() {
        Properties properties = new Properties();
        properties.setProperty("sip.port", "5062");
        properties.setProperty("rtp.ports", "20000-20999");
        properties.setProperty("tls.trust-store", "/etc/lifeline/trust.p12");

        SipOptions options = SipOptions.from(properties);

        assertThat(options.sipPort()).isEqualTo(5062);
        assertThat(options.rtpPorts()).isEqualTo(new PortRange(20000, 20999));
        assertThat(options.trustStore()).isEqualTo(Path.of("/etc/lifeline/trust.p12"));
        assertThat(options.registerExpiry()).hasSeconds(600);
        assertThat(SipOptions.from(new Properties())).isEqualTo(SipOptions.defaults());
    }

    @Test
    void aBadValueIsRefusedInPlainWords() {
        Properties properties = new Properties();
        properties.setProperty("rtp.ports", "lots");
        assertThatThrownBy(() -> SipOptions.from(properties)).hasMessage(
                "RTP ports must look like 16384-32767, not 'lots'");
        assertThatThrownBy(() -> PortRange.parse("80-90")).hasMessageContaining("1024-65535");
    }
}
