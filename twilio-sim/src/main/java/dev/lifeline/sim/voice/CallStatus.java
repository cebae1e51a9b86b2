package dev.lifeline.sim.voice;

/** A call's {@code status} as the 2010-04-01 API spells it. */
public enum CallStatus {
    QUEUED("queued"),
    RINGING("ringing"),
    IN_PROGRESS("in-progress"),
    CANCELED("canceled"),
    COMPLETED("completed"),
    FAILED("failed"),
    BUSY("busy"),
    NO_ANSWER("no-answer");

    private final String wire;

    CallStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** A call in a final status never changes again. */
    public boolean isFinal() {
        return this != QUEUED && this != RINGING && this != IN_PROGRESS;
    }

    public boolean isUnanswered() {
        return this == QUEUED || this == RINGING;
    }
}
