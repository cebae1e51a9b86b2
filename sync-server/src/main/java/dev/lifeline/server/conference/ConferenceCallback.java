package dev.lifeline.server.conference;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One conference status callback, already parsed (the webhook edge does it; the audit makes one from Twilio's
 * participant list for a callback that never came). Optional fields are {@code null} when Twilio did not send them.
 *
 * @param sequenceNumber Twilio's {@code SequenceNumber}, increasing per conference; a handler without one
 *                       passes the callback's timestamp in milliseconds, which orders the same way
 * @param participantCallStatus {@code ParticipantCallStatus} on a leave ("completed" when the call ended,
 *                       "in-progress" when it merely left the conference)
 * @param friendlyName   the conference's name: TaskRouter's conference instruction names it after the task, which is
 *                       how an accepted agent's leg is recognised when it joins
 * @param announceUrl    {@code AnnounceUrl} of an {@code announcement-end}: which announcement Twilio has played
 */
public record ConferenceCallback(
        String conferenceSid,
        String callSid,
        Kind kind,
        long sequenceNumber,
        String label,
        Boolean hold,
        Boolean muted,
        Boolean endConferenceOnExit,
        LeaveReason reason,
        String participantCallStatus,
        String friendlyName,
        String announceUrl) implements Serializable {

    /** {@code StatusCallbackEvent}. */
    public enum Kind {
        CONFERENCE_START, CONFERENCE_END, PARTICIPANT_JOIN, PARTICIPANT_LEAVE, PARTICIPANT_HOLD,
        PARTICIPANT_UNHOLD, PARTICIPANT_MUTE, PARTICIPANT_UNMUTE, PARTICIPANT_MODIFY, ANNOUNCEMENT_END, OTHER;

        /** Twilio's word for it ({@code participant-join}); {@code other} for every event not tracked. */
        public String twilioName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind fromTwilio(String statusCallbackEvent) {
            if (statusCallbackEvent == null) {
                return OTHER;
            }
            try {
                return valueOf(statusCallbackEvent.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException notTracked) {
                return OTHER;
            }
        }
    }

    public ConferenceCallback {
        Objects.requireNonNull(conferenceSid, "conferenceSid");
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? LeaveReason.UNKNOWN : reason;
    }

    /**
     * Recognises a redelivery: Twilio numbers a conference's callbacks ({@code SequenceNumber}), and a callback sent
     * twice carries the same number, event and call.
     */
    public String eventId() {
        return "conference:" + conferenceSid + "#" + sequenceNumber + "#" + kind.twilioName() + "#"
                + (callSid == null ? "" : callSid);
    }

    public static ConferenceCallback join(String conferenceSid, String callSid, long sequence, String label,
                                          boolean hold, boolean muted, boolean endConferenceOnExit) {
        return new ConferenceCallback(conferenceSid, callSid, Kind.PARTICIPANT_JOIN, sequence, label, hold, muted,
                endConferenceOnExit, null, null, null, null);
    }

    /** A join of a leg Twilio lists in the conference named {@code friendlyName}. */
    public static ConferenceCallback join(String conferenceSid, String friendlyName, String callSid, long sequence,
                                          String label, boolean hold, boolean muted, boolean endConferenceOnExit) {
        return new ConferenceCallback(conferenceSid, callSid, Kind.PARTICIPANT_JOIN, sequence, label, hold, muted,
                endConferenceOnExit, null, null, friendlyName, null);
    }

    public static ConferenceCallback leave(String conferenceSid, String callSid, long sequence, LeaveReason reason) {
        return new ConferenceCallback(conferenceSid, callSid, Kind.PARTICIPANT_LEAVE, sequence, null, null, null,
                null, reason, null, null, null);
    }

    public static ConferenceCallback modify(String conferenceSid, String callSid, long sequence,
                                            boolean endConferenceOnExit) {
        return new ConferenceCallback(conferenceSid, callSid, Kind.PARTICIPANT_MODIFY, sequence, null, null, null,
                endConferenceOnExit, null, null, null, null);
    }

    public static ConferenceCallback of(Kind kind, String conferenceSid, String callSid, long sequence) {
        return new ConferenceCallback(conferenceSid, callSid, kind, sequence, null, null, null, null, null, null, null, null);
    }

    public static ConferenceCallback end(String conferenceSid, long sequence) {
        return of(Kind.CONFERENCE_END, conferenceSid, null, sequence);
    }

    /** The leg's call is over, as opposed to moved elsewhere by new TwiML. */
    boolean callEnded() {
        if (reason == LeaveReason.PARTICIPANT_HUNG_UP) {
            return true;
        }
        return reason == LeaveReason.UNKNOWN && !"in-progress".equalsIgnoreCase(participantCallStatus);
    }
}
