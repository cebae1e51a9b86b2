package dev.lifeline.desktop.recovery;

import dev.lifeline.model.incident.Phase;

/** What each recovery phase means, in the agent's words (the modal) and as a short label (the supervisor panel). */
public final class PhaseText {

    private PhaseText() {
    }

    /** The modal's sentence for the phase the recovery is in. */
    public static String forAgent(Phase phase) {
        return switch (phase) {
            case DETECTED -> "Your call dropped. The customer is hearing an announcement and hold music.";
            case PINGING -> "Checking that your desktop is back…";
            case RECONNECT_ENQUEUED -> "Your desktop is back. Connecting the customer to you again…";
            case REJOINING -> "Your desktop is back. Calling you into the customer's call again…";
            case RECONNECTED -> "Bringing everyone on the call back to you…";
            case RESTORED -> "Reconnected";
            case REQUEUED -> "Customer returned to the queue";
            case CUSTOMER_LEFT -> "The customer hung up before you were back";
            case EXPIRED -> "The reconnection took too long and was stopped";
            case CANCELLED -> "A supervisor cancelled the reconnection; the customer went back to the queue";
            case STRANDED -> "We could not bring the customer back to you. A supervisor has been alerted and Lifeline "
                    + "keeps trying to put the call in the queue; you are free for other calls.";
        };
    }

    /** A short label for tables. */
    public static String label(Phase phase) {
        return switch (phase) {
            case DETECTED -> "Drop detected";
            case PINGING -> "Pinging agent";
            case RECONNECT_ENQUEUED -> "Reconnect queued";
            case REJOINING -> "Rejoining agent";
            case RECONNECTED -> "Reconnected";
            case RESTORED -> "Restored";
            case REQUEUED -> "Requeued";
            case CUSTOMER_LEFT -> "Customer left";
            case EXPIRED -> "Expired";
            case CANCELLED -> "Cancelled";
            case STRANDED -> "Customer in no queue!";
        };
    }
}
