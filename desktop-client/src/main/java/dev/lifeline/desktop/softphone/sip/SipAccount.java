package dev.lifeline.desktop.softphone.sip;

import dev.lifeline.model.softphone.SoftphoneAccount;
import java.util.Objects;

/**
 * The agent's SIP identity on the Twilio SIP Domain (phase B: handed to the desktop by the server at sign-in; the
 * agent never types it).
 *
 * @param addressOfRecord {@code sip:alice@lifeline.sip.twilio.com}: what calls are addressed to
 * @param authUser        the digest user name (Twilio: equal to the SIP user, else 32106)
 * @param password        the credential's password; never logged, hidden by {@link #toString()}
 * @param proxyHost       where REGISTER and every request go: the registrar or outbound proxy
 *                        ({@code lifeline.sip.ashburn.twilio.com}, sip.md §1.2)
 * @param proxyPort       its port
 */
public record SipAccount(String addressOfRecord, String authUser, String password, String proxyHost, int proxyPort,
                         SipTransport transport) {

    public SipAccount {
        Objects.requireNonNull(addressOfRecord, "addressOfRecord");
        Objects.requireNonNull(authUser, "authUser");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(proxyHost, "proxyHost");
        Objects.requireNonNull(transport, "transport");
        if (!addressOfRecord.startsWith("sip:") || addressOfRecord.indexOf('@') < 5
                || addressOfRecord.indexOf('@') == addressOfRecord.length() - 1) {
            throw new IllegalArgumentException("the SIP address must look like sip:alice@example.sip.twilio.com");
        }
        if (proxyPort < 1 || proxyPort > 65535) {
            throw new IllegalArgumentException("the SIP server port must be 1-65535");
        }
    }

    /** The account the server hands the signed-in agent ({@code GET /api/me/softphone}). */
    public static SipAccount of(SoftphoneAccount served) {
        return new SipAccount(served.addressOfRecord(), served.authUser(), served.password(), served.proxyHost(),
                served.proxyPort(), SipTransport.parse(served.transport()));
    }

    /** An account whose registrar is the domain of the address itself, on the transport's default port. */
    public static SipAccount direct(String addressOfRecord, String password, SipTransport transport) {
        String user = addressOfRecord.substring(4, addressOfRecord.indexOf('@'));
        String domain = addressOfRecord.substring(addressOfRecord.indexOf('@') + 1);
        return new SipAccount(addressOfRecord, user, password, domain, transport.defaultPort(), transport);
    }

    /** {@code alice} of {@code sip:alice@lifeline.sip.twilio.com}. */
    public String user() {
        return addressOfRecord.substring(4, addressOfRecord.indexOf('@'));
    }

    /** {@code lifeline.sip.twilio.com} of {@code sip:alice@lifeline.sip.twilio.com} (any port or parameters cut). */
    public String domain() {
        String rest = addressOfRecord.substring(addressOfRecord.indexOf('@') + 1);
        int end = rest.length();
        for (char stop : new char[] {';', ':', '?', '>'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return rest.substring(0, end);
    }

    @Override
    public String toString() {
        return "SipAccount[" + addressOfRecord + ", authUser=" + authUser + ", password=***, via " + proxyHost + ":"
                + proxyPort + "/" + transport + "]";
    }
}
