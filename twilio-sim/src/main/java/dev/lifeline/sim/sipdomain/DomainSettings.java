package dev.lifeline.sim.sipdomain;

import dev.lifeline.sim.voice.FormParams;

/**
 * The optional Domain parameters of a create or update; an absent one leaves the field as it is. Parsed (and refused
 * with a 400 naming the parameter) before any state changes.
 */
record DomainSettings(String friendlyName, String voiceUrl, String voiceMethod, String voiceFallbackUrl,
                      String voiceFallbackMethod, String voiceStatusCallbackUrl, String voiceStatusCallbackMethod,
                      Boolean sipRegistration, Boolean secure, Boolean emergencyCallingEnabled, String byocTrunkSid,
                      String emergencyCallerSid) {

    static DomainSettings of(FormParams form) {
        String friendlyName = form.string("FriendlyName");
        if (friendlyName != null && friendlyName.length() > 64) {
            throw dev.lifeline.sim.core.TwilioApiException.badRequest("FriendlyName must be at most 64 characters");
        }
        return new DomainSettings(friendlyName, form.url("VoiceUrl"), form.method("VoiceMethod"),
                form.url("VoiceFallbackUrl"), form.method("VoiceFallbackMethod"), form.url("VoiceStatusCallbackUrl"),
                form.method("VoiceStatusCallbackMethod"), form.bool("SipRegistration"), form.bool("Secure"),
                form.bool("EmergencyCallingEnabled"), form.string("ByocTrunkSid"), form.string("EmergencyCallerSid"));
    }

    void applyTo(SipDomain domain) {
        if (friendlyName != null) {
            domain.friendlyName = friendlyName;
        }
        if (voiceUrl != null) {
            domain.voiceUrl = voiceUrl;
        }
        if (voiceMethod != null) {
            domain.voiceMethod = voiceMethod;
        }
        if (voiceFallbackUrl != null) {
            domain.voiceFallbackUrl = voiceFallbackUrl;
        }
        if (voiceFallbackMethod != null) {
            domain.voiceFallbackMethod = voiceFallbackMethod;
        }
        if (voiceStatusCallbackUrl != null) {
            domain.voiceStatusCallbackUrl = voiceStatusCallbackUrl;
        }
        if (voiceStatusCallbackMethod != null) {
            domain.voiceStatusCallbackMethod = voiceStatusCallbackMethod;
        }
        if (sipRegistration != null) {
            domain.sipRegistration = sipRegistration;
        }
        if (secure != null) {
            domain.secure = secure;
        }
        if (emergencyCallingEnabled != null) {
            domain.emergencyCallingEnabled = emergencyCallingEnabled;
        }
        if (byocTrunkSid != null) {
            domain.byocTrunkSid = byocTrunkSid;
        }
        if (emergencyCallerSid != null) {
            domain.emergencyCallerSid = emergencyCallerSid;
        }
    }
}
