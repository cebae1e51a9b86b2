package dev.lifeline.server.softphone;

import java.util.Optional;

/**
 * Where the agents' SIP passwords come from: {@link SipPasswordFile} (random passwords the server keeps; twilio mode)
 * or {@link SipPasswords} (derived from the cluster secret; sim mode, whose emulator forgets its credentials at every
 * start). Passwords are never logged.
 */
public interface SipPasswordSource {

    /** The password the agent's credential holds, if one is kept (a derived password always is). */
    Optional<String> keptPasswordOf(String domainName, String identity);

    /** The kept password, or a new one kept from now on when there is none. */
    String passwordOf(String domainName, String identity);
}
