package dev.lifeline.sim.voice;

import java.time.Instant;

/** A call's membership of a conference. Mutable; only touched while holding the world lock. */
final class VoiceParticipant {

    final String callSid;
    final String conferenceSid;
    final Instant dateCreated;
    Instant dateUpdated;
    String label;
    /** {@code queued connecting ringing connected complete failed}. */
    String status;
    boolean muted;
    boolean hold;
    String holdUrl;
    /** {@code HoldMethod}; null means Twilio's default, GET. */
    String holdMethod;
    boolean coaching;
    String callSidToCoach;
    boolean startConferenceOnEnter;
    boolean endConferenceOnExit;
    String beep;
    boolean beepOnExit = true;
    String waitUrl;
    String announceUrl;
    /** Announcements played to it (to it alone or to its whole conference); each one is heard once over RTP. */
    int announcementsHeard;

    VoiceParticipant(String callSid, String conferenceSid, ParticipantSettings settings, String status, Instant now) {
        this.callSid = callSid;
        this.conferenceSid = conferenceSid;
        this.dateCreated = now;
        this.dateUpdated = now;
        this.status = status;
        this.label = settings.label();
        this.muted = settings.muted();
        this.coaching = settings.coaching();
        this.callSidToCoach = settings.callSidToCoach();
        this.startConferenceOnEnter = settings.startConferenceOnEnter();
        this.endConferenceOnExit = settings.endConferenceOnExit();
        this.beep = settings.beep();
        this.beepOnExit = !"false".equals(settings.beep()) && !"onEnter".equals(settings.beep());
        this.waitUrl = settings.waitUrl();
    }

    boolean joined() {
        return "connected".equals(status);
    }
}
