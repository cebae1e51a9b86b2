package dev.lifeline.desktop.softphone.sip;

import java.util.Locale;

/** How SIP signalling travels (sip.md §1.4); TLS checks the server's certificate against the trust store. */
public enum SipTransport {
    UDP(5060), TCP(5060), TLS(5061);

    private final int defaultPort;

    SipTransport(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The {@code transport=} parameter value and JAIN-SIP's transport name. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isStream() {
        return this != UDP;
    }

    public static SipTransport parse(String text) {
        for (SipTransport transport : values()) {
            if (transport.name().equalsIgnoreCase(text.trim())) {
                return transport;
            }
        }
        throw new IllegalArgumentException("SIP transport must be UDP, TCP or TLS, not '" + text + "'");
    }
}
