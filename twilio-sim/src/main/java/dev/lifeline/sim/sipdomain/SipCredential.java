package dev.lifeline.sim.sipdomain;

import java.time.Instant;

/**
 * A Credential ({@code CR…}). Like Twilio, the emulator keeps no clear-text password: only the digest
 * {@code HA1 = MD5(username:realm:password)} (RFC 2617 §3.2.2.2), which is all a digest check needs.
 */
final class SipCredential {

    final String sid;
    final String credentialListSid;
    final String username;
    final Instant dateCreated;
    Instant dateUpdated;
    String ha1;

    SipCredential(String sid, String credentialListSid, String username, String ha1, Instant now) {
        this.sid = sid;
        this.credentialListSid = credentialListSid;
        this.username = username;
        this.ha1 = ha1;
        this.dateCreated = now;
        this.dateUpdated = now;
    }
}
