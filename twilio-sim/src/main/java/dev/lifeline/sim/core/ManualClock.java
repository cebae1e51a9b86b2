package dev.lifeline.sim.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when a test says so. {@link #advance(Duration)} runs every timer that falls
 * due, in due-time order, on the calling thread, so a test sees their effects as soon as it returns.
 */
public final class ManualClock implements SimClock {

    private final AtomicLong sequence = new AtomicLong();
    private final List<Pending> pending = new ArrayList<>();
    private Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    public ManualClock() {
        this(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable action) {
        Pending timer = new Pending(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence.incrementAndGet(), action);
        pending.add(timer);
        return () -> {
            synchronized (ManualClock.this) {
                return pending.remove(timer);
            }
        };
    }

    /** Moves time forward, firing due timers (including ones scheduled by fired timers) in order. */
    public void advance(Duration by) {
        Instant target;
        synchronized (this) {
            target = now.plus(by);
        }
        while (true) {
            Pending next;
            synchronized (this) {
                next = pending.stream()
                        .filter(p -> !p.due.isAfter(target))
                        .min(Comparator.comparing((Pending p) -> p.due).thenComparingLong(p -> p.sequence))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                pending.remove(next);
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            next.action.run();
        }
    }

    /**
     * Moves time forward to {@code instant} (e.g. the opening of business hours), firing due timers as {@link #advance}
     * does. Time never goes back: an instant before now is refused.
     *
     * @throws IllegalArgumentException when {@code instant} is before now
     */
    public void advanceTo(Instant instant) {
        Duration by;
        synchronized (this) {
            if (instant.isBefore(now)) {
                throw new IllegalArgumentException("the clock only moves forward: " + instant + " is before now, " + now);
            }
            by = Duration.between(now, instant);
        }
        advance(by);
    }

    private record Pending(Instant due, long sequence, Runnable action) {
    }
}
