package dev.lifeline.model.incident;

/**
 * Where a recovery incident stands. The happy path runs
 * {@code DETECTED → PINGING → RECONNECT_ENQUEUED → RECONNECTED → RESTORED};
 * {@code REQUEUED}, {@code CUSTOMER_LEFT}, {@code EXPIRED} and {@code CANCELLED} are the side exits.
 */
public enum Phase {
    /** The last worker's leg left without a graceful hang-up while the customer was still there. */
    DETECTED(false),
    /** Announcement played, hold music on, the Recovery Ping task offered to the dropped agent. */
    PINGING(false),
    /** The ping was accepted: the customer is queued straight back to the same agent. */
    RECONNECT_ENQUEUED(false),
    /** The agent accepted the reconnect task; the remaining parties are being moved across. */
    RECONNECTED(false),
    /** Everyone is back in one conference with the agent. */
    RESTORED(true),
    /** The ping went unanswered: the customer went back to the original workflow at top priority. */
    REQUEUED(true),
    /** The customer hung up before the agent came back. */
    CUSTOMER_LEFT(true),
    /** The deadline watchdog ended an incident that stalled. */
    EXPIRED(true),
    /** A supervisor cancelled the recovery; the customer went back to the queue. */
    CANCELLED(true);

    private final boolean terminal;

    Phase(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
