package dev.lifeline.server.callcontrol;

/**
 * Where a transfer task stands, kept in the task's own attributes so that TaskRouter (not a member's memory) is the
 * record every server reads before acting: {@link #OFFERED} and {@link #CONSULTING} are in flight.
 */
public enum TransferState {
    /** The target is offered the task and has not joined yet. */
    OFFERED,
    /** Warm: the target joined and talks to the transferring agent; the customer is on hold. */
    CONSULTING,
    /** The target has the customer (cold, or warm completed). */
    COMPLETED,
    /** Added as a third party: there is nothing left to complete. */
    JOINED,
    /** Warm, cancelled: the target left, or was no longer offered the call. */
    CANCELLED;

    public boolean inFlight() {
        return this == OFFERED || this == CONSULTING;
    }

    String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static TransferState ofWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
