package dev.lifeline.sim.webhook;

import java.time.Duration;

/**
 * Faults the scenario API can switch on to test a receiver the way the real world does: late,
 * duplicated and re-ordered callbacks.
 *
 * @param delay          extra latency added to every delivery
 * @param duplicates     how many extra copies of each callback to send (0 = none)
 * @param reorderWindow  callbacks are held back and released in shuffled order once this many are
 *                       waiting for the same ordering key (1 = keep order)
 */
public record DeliveryFaults(Duration delay, int duplicates, int reorderWindow) {

    public static final DeliveryFaults NONE = new DeliveryFaults(Duration.ZERO, 0, 1);

    public DeliveryFaults {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive");
        }
        if (duplicates < 0 || duplicates > 10) {
            throw new IllegalArgumentException("duplicates must be between 0 and 10");
        }
        if (reorderWindow < 1 || reorderWindow > 100) {
            throw new IllegalArgumentException("reorderWindow must be between 1 and 100");
        }
    }
}
