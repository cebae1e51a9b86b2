package dev.lifeline.model.incident;

/**
 * Where a recovery incident stands. The happy path runs
 * {@code DETECTED → PINGING → RECONNECT_ENQUEUED → RECONNECTED → RESTORED} with the {@code requeue} strategy, and
 * {@code DETECTED → PINGING → REJOINING → RECONNECTED → RESTORED} with {@code rejoin};
 * {@code REQUEUED}, {@code CUSTOMER_LEFT}, {@code EXPIRED} and {@code CANCELLED} are the side exits.
 * {@code STRANDED} is where a recovery goes when putting the customer in a queue failed for good: the only phase a
 * terminal exit can be left for (that exit never happened), and it ends in {@code REQUEUED}, {@code CUSTOMER_LEFT}
 * or {@code CANCELLED}.
 */
public enum Phase {
    /** The last worker's leg left without a graceful hang-up while the customer was still there. */
    DETECTED(false),
    /**
     * Announcement played, hold music on, waiting for the dropped agent: the Recovery Ping task offered to them
     * ({@code requeue}), or their desktop's word that it is back ({@code rejoin}).
     */
    PINGING(false),
    /**
     * Strategy {@code rejoin}: the agent's desktop is back (signed in, phone registered) and the server is dialling the
     * agent straight into the conference the customer never left. The desktop answers this call, and only this one,
     * by itself.
     */
    REJOINING(false),
    /** The ping was accepted: the customer is queued straight back to the same agent. */
    RECONNECT_ENQUEUED(false),
    /**
     * The agent accepted the reconnect task and the remaining parties are being moved across ({@code requeue}); or the
     * agent's leg joined the conference and the others are being taken off hold ({@code rejoin}).
     */
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
    CANCELLED(true),
    /**
     * A recovery step failed for good and the customer is on the line in no queue (Twilio refused the redirect). The
     * dropped agent has been released; the server keeps trying to queue the customer on the voice workflow, has told
     * them to stay on the line, and the supervisors are alerted until the customer is queued, hangs up, or a supervisor
     * takes over (cancels).
     */
    STRANDED(false);

    private final boolean terminal;

    Phase(boolean terminal) {
        this.terminal = terminal;
    }

    /** The incident is over: nothing is left to do for anybody. */
    public boolean isTerminal() {
        return terminal;
    }

    /**
     * The recovery still counts on the dropped agent: the Reconnecting modal is up and the agent is not free.
     * False once terminal, and in {@link #STRANDED}, where the agent has been released and the supervisors take over.
     */
    public boolean holdsAgent() {
        return !terminal && this != STRANDED;
    }
}
