package dev.lifeline.desktop.connection;

import java.time.Duration;

/**
 * Reconnect delays: doubling from {@code initial} up to {@code max}, reset once a connection holds. Not random:
 * there is one desktop per agent, not a herd, and predictable delays keep the status bar honest.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff: need 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    public synchronized Duration nextDelay() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    public synchronized void reset() {
        next = initial;
    }
}
