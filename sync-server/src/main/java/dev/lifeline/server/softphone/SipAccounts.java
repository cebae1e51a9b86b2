package dev.lifeline.server.softphone;

import dev.lifeline.model.softphone.SoftphoneAccount;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The agents' accounts on the SIP Domain: the address of record is the worker's {@code contact_uri}
 * ({@code sip:<identity>@<domain>}, the form Twilio dials a registered endpoint by), the auth user is the identity
 * (Twilio requires it to equal the SIP user), the password is the one the server keeps ({@link SipPasswordSource}), and desktops send everything to
 * the proxy: the domain itself (or an edge) at Twilio, the emulator's SIP listener in sim mode.
 *
 * @param hasPhone which identities have a SIP account (agents with a worker, within Twilio's user-name length)
 */
public record SipAccounts(String domainName, String proxyHost, int proxyPort, String transport, SipPasswordSource passwords,
                          Predicate<String> hasPhone) implements SoftphoneAccess {

    /** Twilio's longest SIP user name: longer identities get no SIP account. */
    public static final int MAX_USERNAME = 32;

    @Override
    public Optional<SoftphoneAccount> forIdentity(String identity) {
        if (!hasPhone.test(identity) || identity.length() > MAX_USERNAME) {
            return Optional.empty();
        }
        // Only a kept password: a new one here would not be the credential's at Twilio ('provision' sets those).
        return passwords.keptPasswordOf(domainName, identity).map(password -> new SoftphoneAccount(addressOf(identity),
                identity, password, proxyHost, proxyPort, transport));
    }

    @Override
    public String addressOf(String identity) {
        return addressOf(identity, domainName);
    }

    /** {@code sip:alice@lifeline.sip.twilio.com}. */
    public static String addressOf(String identity, String domainName) {
        return "sip:" + identity + "@" + domainName;
    }

    @Override
    public String toString() {
        return "SipAccounts[" + domainName + " via " + proxyHost + ":" + proxyPort + "/" + transport + "]";
    }
}
