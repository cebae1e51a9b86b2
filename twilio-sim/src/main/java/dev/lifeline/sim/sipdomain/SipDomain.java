package dev.lifeline.sim.sipdomain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A SIP Domain ({@code SD…}) and its credential-list mappings. Mutable; touched only under the world lock. */
final class SipDomain {

    final String sid;
    final Instant dateCreated;
    Instant dateUpdated;
    String domainName;
    String friendlyName;
    String voiceUrl;
    String voiceMethod = "POST";
    String voiceFallbackUrl;
    String voiceFallbackMethod = "POST";
    String voiceStatusCallbackUrl;
    String voiceStatusCallbackMethod = "POST";
    boolean sipRegistration;
    boolean secure;
    boolean emergencyCallingEnabled;
    String byocTrunkSid;
    String emergencyCallerSid;
    /** Credential lists under {@code Auth/Registrations}: who may REGISTER. */
    final Set<String> registrationLists = new LinkedHashSet<>();
    /**
     * Credential lists under {@code Auth/Calls} and the legacy {@code CredentialListMappings} (assumed to be one set:
     * Twilio documents the legacy resource as the calls mapping it predates).
     */
    final Set<String> callLists = new LinkedHashSet<>();

    SipDomain(String sid, String domainName, Instant now) {
        this.sid = sid;
        this.domainName = domainName;
        this.dateCreated = now;
        this.dateUpdated = now;
    }

    /** The emulator's user part of the domain name: {@code lifeline} of {@code lifeline.sip.twilio.com}. */
    String label() {
        return domainName.substring(0, domainName.length() - SipHostNames.SUFFIX.length());
    }
}
