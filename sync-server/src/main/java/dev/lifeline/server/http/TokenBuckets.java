package dev.lifeline.server.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key: {@code burst} requests at once, refilled at {@code perSecond}. Runs on a monotonic
 * nanosecond clock, not the business clock: a rate limit is about wall time, and tests that freeze the business
 * clock must not freeze the buckets with it.
 */
public final class TokenBuckets {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    /** With an explicit monotonic clock in nanoseconds (tests). */
    public TokenBuckets(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** @return {@link Duration#ZERO} if the request may go ahead (one token taken), else how long until a token is back */
    public Duration tryAcquire(String key) {
        return take(key, true);
    }

    /** Like {@link #tryAcquire} but takes nothing: for budgets charged only afterwards (a failed sign-in). */
    public Duration peek(String key) {
        return take(key, false);
    }

    private Duration take(String key, boolean consume) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong()));
        synchronized (bucket) {
            long now = nanoTime.getAsLong();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) / 1e9 * perSecond);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                if (consume) {
                    bucket.tokens -= 1;
                }
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / perSecond * 1e9));
        }
    }

    /** Drops a key's bucket (a closed connection), so the map does not grow with every connection ever seen. */
    public void forget(String key) {
        buckets.remove(key);
    }

    public int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        private Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
