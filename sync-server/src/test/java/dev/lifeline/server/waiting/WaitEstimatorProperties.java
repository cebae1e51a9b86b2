package dev.lifeline.server.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link WaitEstimator} over generated sequences of arrivals and acceptances: the estimate is never negative, never
 * shrinks as the position grows, and equals the known value on sequences built to have one.
 */
class WaitEstimatorProperties {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    /** Callers arrive at random, agents accept them in order at random later times (no one before they arrived). */
    @Provide
    Arbitrary<List<Instant>> acceptanceSequences() {
        return Arbitraries.integers().between(0, 1_800).list().ofMinSize(0).ofMaxSize(40).flatMap(arrivals ->
                Arbitraries.integers().between(0, 900).list().ofSize(arrivals.size()).map(waits -> {
                    List<Instant> accepted = new ArrayList<>();
                    List<Integer> sorted = arrivals.stream().sorted().toList();
                    long lastAcceptance = Long.MIN_VALUE;
                    for (int i = 0; i < sorted.size(); i++) {
                        // first come, first served: no one is accepted before the caller ahead of them
                        long at = Math.max(lastAcceptance, sorted.get(i) + waits.get(i));
                        lastAcceptance = at;
                        accepted.add(NOW.minusSeconds(2_700).plusSeconds(at));
                    }
                    return accepted;
                }));
    }

    @Property
    void theEstimateIsNeverNegative(@ForAll("acceptanceSequences") List<Instant> acceptances,
                                    @ForAll @IntRange(min = -3, max = 200) int position) {
        WaitEstimator.estimate(acceptances, position, NOW)
                .ifPresent(estimate -> assertThat(estimate.isNegative()).isFalse());
    }

    @Property
    void aLaterPlaceNeverWaitsLessAndEitherEveryPlaceHasAnEstimateOrNone(
            @ForAll("acceptanceSequences") List<Instant> acceptances, @ForAll @IntRange(min = 1, max = 199) int position) {
        Optional<Duration> here = WaitEstimator.estimate(acceptances, position, NOW);
        Optional<Duration> behind = WaitEstimator.estimate(acceptances, position + 1, NOW);

        assertThat(behind.isPresent()).isEqualTo(here.isPresent());
        here.ifPresent(wait -> assertThat(behind.orElseThrow()).isGreaterThanOrEqualTo(wait));
    }

    @Property
    void agentsAcceptingEveryGapSecondsGiveThePositionTimesTheGap(@ForAll @IntRange(min = 1, max = 600) int gapSeconds,
                                                                 @ForAll @IntRange(min = 2, max = 60) int accepted,
                                                                 @ForAll @IntRange(min = 1, max = 50) int position) {
        List<Instant> acceptances = new ArrayList<>();
        for (int i = 0; i < accepted; i++) {
            acceptances.add(NOW.minusSeconds((long) i * gapSeconds));
        }
        Optional<Duration> estimate = WaitEstimator.estimate(acceptances, position, NOW);

        if ((long) (Math.min(accepted, WaitEstimator.SAMPLES) - 1) * gapSeconds <= WaitEstimator.WINDOW.toSeconds()) {
            assertThat(estimate).contains(Duration.ofSeconds((long) position * gapSeconds));
        } else {
            // only the acceptances of the last 30 minutes count; at that pace they are still evenly spaced
            estimate.ifPresent(wait -> assertThat(wait).isEqualTo(Duration.ofSeconds((long) position * gapSeconds)));
        }
    }

    @Test
    void aKnownDayOfArrivalsAndAcceptances() {
        // Five callers arrive at 09:40, 09:41, 09:42, 09:43, 09:44; agents accept them at 09:45, 09:47, 09:49, 09:51,
        // 09:53: one every two minutes. The caller third in line at 10:00 is told six minutes.
        List<Instant> acceptances = List.of(at("09:45"), at("09:47"), at("09:49"), at("09:51"), at("09:53"));

        assertThat(WaitEstimator.estimate(acceptances, 3, NOW)).contains(Duration.ofMinutes(6));
        assertThat(WaitEstimator.estimate(acceptances, 1, NOW)).contains(Duration.ofMinutes(2));
        assertThat(WaitEstimator.estimate(List.of(at("09:53")), 1, NOW)).isEmpty(); // one acceptance is no rate
        assertThat(WaitEstimator.estimate(List.of(at("09:00"), at("09:10")), 1, NOW)).isEmpty(); // older than 30 min
        assertThat(WaitEstimator.estimate(acceptances, 0, NOW)).isEmpty();
    }

    private static Instant at(String hhmm) {
        return Instant.parse("2026-01-05T" + hhmm + ":00Z");
    }
}
