package dev.lifeline.sim.sipdomain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A CredentialList ({@code CL…}) with its credentials by SID. Mutable; touched only under the world lock. */
final class CredentialList {

    final String sid;
    final Instant dateCreated;
    Instant dateUpdated;
    String friendlyName;
    final Map<String, SipCredential> credentials = new LinkedHashMap<>();

    CredentialList(String sid, String friendlyName, Instant now) {
        this.sid = sid;
        this.friendlyName = friendlyName;
        this.dateCreated = now;
        this.dateUpdated = now;
    }

    SipCredential byUsername(String username) {
        return credentials.values().stream().filter(c -> c.username.equals(username)).findFirst().orElse(null);
    }
}
