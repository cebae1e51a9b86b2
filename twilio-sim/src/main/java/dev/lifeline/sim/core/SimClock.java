package dev.lifeline.sim.core;

import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's only source of time. Tests use {@link ManualClock} to move TTLs and reservation
 * timeouts forward without sleeping; the demo uses {@link SystemClock}.
 */
public interface SimClock {

    Instant now();

    /** Runs {@code action} once {@code delay} has passed on this clock. The action runs on a clock thread. */
    Timer schedule(Duration delay, Runnable action);

    /** A scheduled action that can still be called off. */
    interface Timer {
        /** @return true if the action had not run yet and now never will */
        boolean cancel();
    }
}
