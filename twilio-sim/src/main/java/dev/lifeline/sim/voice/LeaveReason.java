package dev.lifeline.sim.voice;

/** {@code ReasonParticipantLeft} on {@code participant-leave}; Twilio spells these with underscores. */
public enum LeaveReason {
    /** The conference was ended with {@code Status=completed} on the Conference resource. */
    CONFERENCE_ENDED_VIA_API("conference_ended_via_api"),
    /** A participant with {@code endConferenceOnExit=true} left, taking everybody else out. */
    MODERATOR_ENDED_CONFERENCE("moderator_ended_conference"),
    /** The participant was kicked, or its call redirected or completed, through the REST API. */
    PARTICIPANT_UPDATED_VIA_API("participant_updated_via_api"),
    /** The party hung up, gracefully or because its connection dropped: Twilio cannot tell the two apart. */
    PARTICIPANT_HUNG_UP("participant_hung_up"),
    /** The participant was dialled but never joined (no answer, busy, failed, canceled). */
    PARTICIPANT_ADD_FAILED("participant_add_failed");

    private final String wire;

    LeaveReason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
