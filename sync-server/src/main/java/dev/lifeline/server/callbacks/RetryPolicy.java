package dev.lifeline.server.callbacks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a customer again after busy, no answer or a failed call: exponential backoff ({@code base},
 * {@code 2 base}, {@code 4 base} …, at most {@code max}) with "equal jitter" (half the delay fixed, half drawn at
 * random), so callbacks that failed together do not all ring again in the same second; at most {@code maxAttempts}
 * tries, and none starting after {@code window} from the first try. Pure: the random draw is the caller's.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max, Duration window) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: at least 1, got " + maxAttempts);
        }
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("base must be positive and max at least base, got " + base + " and " + max);
        }
    }

    /**
     * @param random a draw in [0, 1)
     * @return when to try next, or empty when the callback must close: attempts used up, or the window passed
     */
    public Optional<Instant> next(Callback callback, Instant now, double random) {
        int made = callback.attempts().size();
        if (made >= maxAttempts) {
            return Optional.empty();
        }
        long exponential = base.toMillis() << Math.min(made - 1 < 0 ? 0 : made - 1, 20);
        long delay = Math.min(max.toMillis(), exponential);
        long jittered = delay / 2 + (long) (random * (delay - delay / 2));
        Instant at = now.plusMillis(jittered);
        Instant firstTry = callback.attempts().isEmpty() ? now : callback.attempts().get(0).startedAt();
        return at.isAfter(firstTry.plus(window)) ? Optional.empty() : Optional.of(at);
    }

    /** Why a callback that may not be tried again closes, for the supervisor. */
    public String closeReason(Callback callback, Instant now) {
        String outcomes = String.join(", ", callback.attempts().stream()
                .map(a -> a.outcome() == null ? "unknown" : a.outcome()).toList());
        return callback.attempts().size() >= maxAttempts
                ? "not reached after " + callback.attempts().size() + " attempts (" + outcomes + ")"
                : "not reached within " + window + " of the first attempt (" + outcomes + ")";
    }
}
