package dev.lifeline.desktop.softphone.sip;

import dev.lifeline.desktop.softphone.media.PortRange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * The machine's side of the softphone, as opposed to the account: where it listens and which ports a firewall
 * must open. Read from {@code phone.properties} in the desktop's config directory (keys below), else defaults.
 *
 * @param localAddress   the address to listen on and put in Contact and SDP; null finds the address that routes
 *                       to the SIP server
 * @param sipPort        the local SIP port; 0 takes any free port
 * @param rtpPorts       the UDP ports calls' audio may use
 * @param registerExpiry the registration lifetime asked for (Twilio: at most 600 s, sip.md §1.3); refreshed at half
 *                       of what the server grants
 * @param trustStore     a PKCS#12/JKS trust store for TLS instead of the JDK's (null: the JDK's {@code cacerts})
 */
public record SipOptions(String localAddress, int sipPort, PortRange rtpPorts, Duration registerExpiry,
                         Path trustStore, String trustStorePassword) {

    public static final PortRange DEFAULT_RTP_PORTS = new PortRange(16384, 32767);
    public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(600);

    public SipOptions {
        Objects.requireNonNull(rtpPorts, "rtpPorts");
        Objects.requireNonNull(registerExpiry, "registerExpiry");
        if (sipPort < 0 || sipPort > 65535) {
            throw new IllegalArgumentException("the SIP port must be 0-65535 (0: any free port)");
        }
        if (registerExpiry.toSeconds() < 10) {
            throw new IllegalArgumentException("the registration expiry must be at least 10 seconds");
        }
    }

    public static SipOptions defaults() {
        return new SipOptions(null, 0, DEFAULT_RTP_PORTS, DEFAULT_EXPIRY, null, null);
    }

    /**
     * Reads {@code sip.local-address}, {@code sip.port}, {@code rtp.ports} ({@code 16384-32767}),
     * {@code sip.register-expiry-seconds}, {@code tls.trust-store}, {@code tls.trust-store-password}; a bad value
     * throws {@link IllegalArgumentException} naming the key.
     */
    public static SipOptions from(Properties properties) {
        SipOptions defaults = defaults();
        try {
            String trustStore = properties.getProperty("tls.trust-store");
            return new SipOptions(properties.getProperty("sip.local-address"),
                    Integer.parseInt(properties.getProperty("sip.port", "0").trim()),
                    properties.containsKey("rtp.ports") ? PortRange.parse(properties.getProperty("rtp.ports"))
                            : defaults.rtpPorts(),
                    Duration.ofSeconds(Long.parseLong(properties.getProperty("sip.register-expiry-seconds",
                            String.valueOf(DEFAULT_EXPIRY.toSeconds())).trim())),
                    trustStore != null ? Path.of(trustStore) : null,
                    properties.getProperty("tls.trust-store-password"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("phone settings: a number is expected (" + e.getMessage() + ")");
        }
    }

    public SipOptions withLocal(String address, int port) {
        return new SipOptions(address, port, rtpPorts, registerExpiry, trustStore, trustStorePassword);
    }

    public SipOptions withRtpPorts(PortRange ports) {
        return new SipOptions(localAddress, sipPort, ports, registerExpiry, trustStore, trustStorePassword);
    }

    public SipOptions withRegisterExpiry(Duration expiry) {
        return new SipOptions(localAddress, sipPort, rtpPorts, expiry, trustStore, trustStorePassword);
    }

    public SipOptions withTrustStore(Path store, String password) {
        return new SipOptions(localAddress, sipPort, rtpPorts, registerExpiry, store, password);
    }

    @Override
    public String toString() {
        return "SipOptions[local=" + (localAddress != null ? localAddress : "auto") + ":" + sipPort + ", rtp="
                + rtpPorts + ", expiry=" + registerExpiry.toSeconds() + "s, trustStore="
                + (trustStore != null ? trustStore : "JDK") + "]";
    }
}
