package dev.lifeline.model.softphone;

import java.util.Objects;

/**
 * What {@link dev.lifeline.model.api.DesktopApi#MY_SOFTPHONE} answers: the signed-in agent's SIP account on the
 * Twilio SIP Domain (or the emulator's), so the agent never types one. The same shape in sim mode and on a real
 * account; only the hosts differ.
 *
 * <pre>{"addressOfRecord":"sip:alice@lifeline-acme.sip.twilio.com","authUser":"alice","password":"…",
 *  "proxyHost":"lifeline-acme.sip.twilio.com","proxyPort":5060,"transport":"udp"}</pre>
 *
 * @param addressOfRecord where Twilio sends the agent's calls: the worker's {@code contact_uri}
 * @param authUser        the digest user name (at Twilio equal to the SIP user of the address)
 * @param password        the credential's password; never logged, hidden by {@link #toString()}
 * @param proxyHost       where REGISTER and every request go (the SIP Domain, an edge, or the emulator's SIP port)
 * @param proxyPort       its port
 * @param transport       {@value #UDP}, {@value #TCP} or {@value #TLS}
 */
public record SoftphoneAccount(String addressOfRecord, String authUser, String password, String proxyHost,
                               int proxyPort, String transport) {

    public static final String UDP = "udp";
    public static final String TCP = "tcp";
    public static final String TLS = "tls";

    public SoftphoneAccount {
        Objects.requireNonNull(addressOfRecord, "addressOfRecord");
        Objects.requireNonNull(authUser, "authUser");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(proxyHost, "proxyHost");
        Objects.requireNonNull(transport, "transport");
        if (!transport.equals(UDP) && !transport.equals(TCP) && !transport.equals(TLS)) {
            throw new IllegalArgumentException("transport must be udp, tcp or tls, not " + transport);
        }
        if (proxyPort < 1 || proxyPort > 65535) {
            throw new IllegalArgumentException("proxyPort must be 1-65535, not " + proxyPort);
        }
    }

    @Override
    public String toString() {
        return "SoftphoneAccount[" + addressOfRecord + ", authUser=" + authUser + ", password=***, via " + proxyHost
                + ":" + proxyPort + "/" + transport + "]";
    }
}
