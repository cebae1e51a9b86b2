package dev.lifeline.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failures per key in a fixed window that starts at the key's first failure, in a map that cannot grow without
 * bound: at most {@code maxKeys} keys (the one closest to expiring makes room), and a key is gone once its window
 * has passed. Keys are kept in the order their windows started, which is the order they expire in, so dropping
 * the expired ones costs only what is dropped.
 */
final class FailureCounts {

    private final int limit;
    private final Duration window;
    private final int maxKeys;
    private final Clock clock;
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>();

    FailureCounts(int limit, Duration window, int maxKeys, Clock clock) {
        if (limit < 1 || maxKeys < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit, window and maxKeys must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** @return how long until {@code key} may try again; {@link Duration#ZERO} while it is under its limit */
    synchronized Duration wait(String key) {
        Instant now = clock.instant();
        dropExpired(now);
        Window current = windows.get(key);
        return current == null || current.failures < limit ? Duration.ZERO : Duration.between(now, current.ends);
    }

    /** @return the key's failures in its window, this one included */
    synchronized int fail(String key) {
        Instant now = clock.instant();
        dropExpired(now);
        Window current = windows.get(key);
        if (current == null) {
            if (windows.size() >= maxKeys) {
                Iterator<Map.Entry<String, Window>> oldest = windows.entrySet().iterator();
                oldest.next();
                oldest.remove();
            }
            current = new Window(now.plus(window));
            windows.put(key, current);
        }
        current.failures++;
        return current.failures;
    }

    synchronized void forget(String key) {
        windows.remove(key);
    }

    synchronized int size() {
        dropExpired(clock.instant());
        return windows.size();
    }

    private void dropExpired(Instant now) {
        Iterator<Window> oldest = windows.values().iterator();
        while (oldest.hasNext() && !oldest.next().ends.isAfter(now)) {
            oldest.remove();
        }
    }

    private static final class Window {
        private final Instant ends;
        private int failures;

        private Window(Instant ends) {
            this.ends = ends;
        }
    }
}
