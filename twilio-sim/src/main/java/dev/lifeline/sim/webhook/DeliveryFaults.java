package dev.lifeline.sim.webhook;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Faults the scenario API can switch on to test a receiver the way the real world does: late,
 * duplicated and re-ordered callbacks.
 *
 * @param delay          extra latency added to every delivery
 * @param minDuplicates  fewest extra copies of a callback to send (0 = none)
 * @param maxDuplicates  most extra copies; each callback gets a count drawn uniformly from
 *                       {@code minDuplicates..maxDuplicates}
 * @param reorderWindow  callbacks are held back and released in shuffled order once this many are
 *                       waiting for the same ordering key (1 = keep order)
 * @param reorderHold    the longest a held callback waits for its window to fill before it is released
 *                       anyway (zero = until the window fills or {@link WebhookDispatcher#flushHeld()});
 *                       without it a conference's last few callbacks would never arrive
 * @param seed           seeds the duplicate counts and shuffles, so a failing storm can be replayed
 */
public record DeliveryFaults(Duration delay, int minDuplicates, int maxDuplicates, int reorderWindow,
                             Duration reorderHold, long seed) {

    public static final long DEFAULT_SEED = 7L;
    public static final int MAX_DUPLICATES = 10;
    public static final DeliveryFaults NONE = new DeliveryFaults(Duration.ZERO, 0, 1);

    public DeliveryFaults {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive");
        }
        if (minDuplicates < 0 || maxDuplicates > MAX_DUPLICATES) {
            throw new IllegalArgumentException("duplicates must be between 0 and " + MAX_DUPLICATES);
        }
        if (minDuplicates > maxDuplicates) {
            throw new IllegalArgumentException("minDuplicates (" + minDuplicates + ") must not exceed maxDuplicates ("
                    + maxDuplicates + ")");
        }
        if (reorderWindow < 1 || reorderWindow > 100) {
            throw new IllegalArgumentException("reorderWindow must be between 1 and 100");
        }
        if (reorderHold == null || reorderHold.isNegative()) {
            throw new IllegalArgumentException("reorderHold must be zero or positive");
        }
    }

    /** A fixed number of extra copies of every callback; held callbacks wait until flushed. */
    public DeliveryFaults(Duration delay, int duplicates, int reorderWindow) {
        this(delay, duplicates, duplicates, reorderWindow, Duration.ZERO, DEFAULT_SEED);
    }

    /** The same faults with {@code min..max} extra copies of each callback, drawn per callback. */
    public DeliveryFaults withDuplicates(int min, int max) {
        return new DeliveryFaults(delay, min, max, reorderWindow, reorderHold, seed);
    }

    /** The same faults shuffling windows of {@code window} callbacks, none held longer than {@code hold}. */
    public DeliveryFaults withReorder(int window, Duration hold) {
        return new DeliveryFaults(delay, minDuplicates, maxDuplicates, window, hold, seed);
    }

    public DeliveryFaults withDelay(Duration newDelay) {
        return new DeliveryFaults(newDelay, minDuplicates, maxDuplicates, reorderWindow, reorderHold, seed);
    }

    public DeliveryFaults withSeed(long newSeed) {
        return new DeliveryFaults(delay, minDuplicates, maxDuplicates, reorderWindow, reorderHold, newSeed);
    }

    /** How many extra copies of one callback to send. */
    int duplicatesFor(Random random) {
        return minDuplicates + random.nextInt(maxDuplicates - minDuplicates + 1);
    }

    /**
     * The faults as the scenario API and the world view show them; {@code duplicates} only when the count is
     * fixed, as it was before ranges existed.
     */
    public Map<String, Object> describe() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("delayMillis", delay.toMillis());
        if (minDuplicates == maxDuplicates) {
            json.put("duplicates", minDuplicates);
        }
        json.put("minDuplicates", minDuplicates);
        json.put("maxDuplicates", maxDuplicates);
        json.put("reorderWindow", reorderWindow);
        json.put("reorderHoldMillis", reorderHold.toMillis());
        json.put("seed", seed);
        return json;
    }
}
