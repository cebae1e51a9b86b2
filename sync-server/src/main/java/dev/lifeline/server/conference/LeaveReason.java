package dev.lifeline.server.conference;

import java.util.Locale;

/**
 * Twilio's {@code ReasonParticipantLeft} on {@code participant-leave} (added 2023-10-25). It replaces the
 * original's REST fetch of the conference status: a leg that left because the conference was ending, or
 * because the API gave its call new TwiML, did not drop.
 */
public enum LeaveReason {
    PARTICIPANT_HUNG_UP,
    PARTICIPANT_UPDATED_VIA_API,
    CONFERENCE_ENDED_VIA_API,
    MODERATOR_ENDED_CONFERENCE,
    PARTICIPANT_ADD_FAILED,
    /** Not sent (older accounts, some emulators) or a value this build does not know. */
    UNKNOWN;

    public static LeaveReason fromTwilio(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            return UNKNOWN;
        }
    }

    /** A hang-up (a crashed softphone looks like one) or nothing said: could be a drop. */
    boolean mayBeADrop() {
        return this == PARTICIPANT_HUNG_UP || this == UNKNOWN;
    }
}
