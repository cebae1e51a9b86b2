package dev.lifeline.server.recovery;

import java.util.Locale;

/**
 * How a dropped agent is brought back (configuration {@code recovery.strategy}). Both share detection, the
 * announcement and hold music, and every side exit (ping TTL, customer left, deadline, cancel); they differ in how the
 * agent reaches the customer again.
 */
public enum RecoveryStrategy {
    /**
     * Once the agent's desktop says it is back (signed in, phone registered), dial the agent straight into the
     * conference the customer never left (Participants API), take the others off hold, keep the original task and
     * reservation. No Recovery Ping, no queue hop, no conference move.
     */
    REJOIN,
    /**
     * The original's path, for Flex-style reporting: a Recovery Ping task to the agent, the customer redirected into
     * {@code <Enqueue>} targeting them, the reconnect task accepted into a new conference, the other parties moved.
     */
    REQUEUE;

    /** The configuration's word ({@code rejoin}, {@code requeue}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code rejoin} or {@code requeue} (any case) */
    public static RecoveryStrategy fromWord(String word) {
        for (RecoveryStrategy strategy : values()) {
            if (strategy.word().equalsIgnoreCase(word == null ? "" : word.trim())) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("must be rejoin or requeue, got " + word);
    }
}
