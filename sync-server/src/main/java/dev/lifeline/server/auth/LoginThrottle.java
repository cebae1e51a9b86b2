package dev.lifeline.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing: at most {@code limit} login attempts per key (identity and client address)
 * in a sliding window. Kept per member; a cluster of N members allows at most N times the limit.
 */
public final class LoginThrottle {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    public LoginThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** @return how long to wait, or {@link Duration#ZERO} if this attempt may go ahead (and is counted) */
    public Duration tryAcquire(String key) {
        Instant now = clock.instant();
        Deque<Instant> recent = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
                recent.pollFirst();
            }
            if (recent.size() >= limit) {
                return Duration.between(now, recent.peekFirst().plus(window));
            }
            recent.addLast(now);
            return Duration.ZERO;
        }
    }
}
