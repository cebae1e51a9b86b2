package dev.lifeline.server.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofHours(1));

    @Test
    void delaysDoubleUpToTheMaximumWithHalfOfEachJittered() {
        Callback once = tried(1);
        Callback twice = tried(2);
        Callback thrice = tried(3);

        // First retry: 2 min, of which 1 min fixed and up to 1 min drawn.
        assertThat(policy.next(once, T0, 0.0)).contains(T0.plus(Duration.ofMinutes(1)));
        assertThat(policy.next(once, T0, 0.999999)).hasValueSatisfying(at -> assertThat(at)
                .isBetween(T0.plus(Duration.ofSeconds(119)), T0.plus(Duration.ofMinutes(2))));
        // Second: 4 min → 2 to 4; third: 8 min capped at 5 → 2.5 to 5.
        assertThat(policy.next(twice, T0, 0.0)).contains(T0.plus(Duration.ofMinutes(2)));
        assertThat(policy.next(thrice, T0, 0.0)).contains(T0.plus(Duration.ofSeconds(150)));
        assertThat(policy.next(thrice, T0, 0.5)).contains(T0.plus(Duration.ofSeconds(225)));
    }

    @Test
    void noMoreTriesAfterTheLastAttemptOrOutsideTheWindow() {
        assertThat(policy.next(tried(4), T0, 0.5)).isEmpty();
        assertThat(policy.closeReason(tried(4), T0)).isEqualTo("not reached after 4 attempts (busy, busy, busy, busy)");

        Callback early = tried(1);
        Instant late = early.attempts().get(0).startedAt().plus(Duration.ofMinutes(59)).plusSeconds(30);
        assertThat(policy.next(early, late, 0.0)).isEmpty();
        assertThat(policy.closeReason(early, late)).startsWith("not reached within PT1H");
    }

    private static Callback tried(int attempts) {
        Callback callback = Callback.scheduled("id", "+15551230002", "", T0, T0, "UTC", 50, null, "website");
        for (int i = 1; i <= attempts; i++) {
            callback = callback.withAttempt(new CallbackAttempt(i, T0.minusSeconds(60L * (attempts - i)), "CA" + i, "busy"));
        }
        return callback;
    }
}
