package dev.lifeline.server.waiting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The estimated wait a queued caller is told, from the queue's recent acceptance times.
 *
 * <p>Method: take the acceptances (an agent accepting a caller of this queue) of the last {@link #WINDOW}, at most the
 * last {@link #SAMPLES}. With k ≥ 2 of them, from t₁ to tₖ, the queue has been served at one caller per
 * g = (tₖ − t₁) / (k − 1) on average; a caller at position p has p callers (themself included) to be served before
 * they are, so the estimate is p · g. With fewer than two there is no rate to go by and no estimate is given (the
 * caller hears their position only): a guess of zero or of the longest wait would both mislead.
 *
 * <p>Why this and not the average time in queue: the average time accepted callers waited says how long the queue
 * was, not how fast it moves, and over-estimates for the caller who has just arrived at the head of a queue that was
 * long. The rate is what an agent pool delivers, and it moves with the number of agents on duty. The estimate is never
 * negative and never shrinks as the position grows ({@code WaitEstimatorProperties}).
 */
public final class WaitEstimator {

    /** Only recent acceptances say how fast the queue moves now (a shift change or a break changes the rate). */
    public static final Duration WINDOW = Duration.ofMinutes(30);
    /** Enough to smooth single long calls, few enough to follow a change of staffing within minutes. */
    public static final int SAMPLES = 20;

    private WaitEstimator() {
    }

    /**
     * @param acceptances the queue's acceptance times, in any order (older than {@link #WINDOW} before {@code now} are
     *                    ignored, as are any after {@code now})
     * @param position    the caller's place in the queue, from 1
     * @return empty while there is no rate to go by (fewer than two recent acceptances) or the position is below 1
     */
    public static Optional<Duration> estimate(List<Instant> acceptances, int position, Instant now) {
        if (position < 1) {
            return Optional.empty();
        }
        Instant since = now.minus(WINDOW);
        List<Instant> recent = acceptances.stream().filter(t -> !t.isBefore(since) && !t.isAfter(now)).sorted().toList();
        if (recent.size() > SAMPLES) {
            recent = recent.subList(recent.size() - SAMPLES, recent.size());
        }
        if (recent.size() < 2) {
            return Optional.empty();
        }
        Duration span = Duration.between(recent.get(0), recent.get(recent.size() - 1));
        Duration gap = span.dividedBy(recent.size() - 1);
        return Optional.of(gap.multipliedBy(position));
    }
}
