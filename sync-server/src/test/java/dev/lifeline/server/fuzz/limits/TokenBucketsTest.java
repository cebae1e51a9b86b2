package dev.lifeline.server.fuzz.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.http.TokenBuckets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The budget behind the 429s, on a hand-driven clock: a burst, then the steady rate, per key. */
class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TokenBuckets buckets = new TokenBuckets(20, 40, nanos::get);

    @Test
    void aKeyMaySpendItsWholeBurstAtOnceAndIsThenToldHowLongToWait() {
        for (int i = 0; i < 40; i++) {
            assertThat(buckets.tryAcquire("alice")).as("request " + i).isZero();
        }

        assertThat(buckets.tryAcquire("alice")).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void tokensComeBackAtTheSteadyRateButNeverAboveTheBurst() {
        for (int i = 0; i < 40; i++) {
            buckets.tryAcquire("alice");
        }
        nanos.addAndGet(Duration.ofMillis(100).toNanos());

        assertThat(buckets.tryAcquire("alice")).isZero();
        assertThat(buckets.tryAcquire("alice")).isZero();
        assertThat(buckets.tryAcquire("alice")).isPositive();

        nanos.addAndGet(Duration.ofHours(1).toNanos());
        int allowed = 0;
        while (buckets.tryAcquire("alice").isZero() && allowed < 1_000) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(40);
    }

    @Test
    void keysHaveSeparateBudgetsAndAForgottenKeyStartsAfresh() {
        for (int i = 0; i < 40; i++) {
            buckets.tryAcquire("alice");
        }

        assertThat(buckets.tryAcquire("bob")).isZero();
        buckets.forget("alice");
        assertThat(buckets.tryAcquire("alice")).isZero();
        assertThat(buckets.size()).isEqualTo(2);
    }
}
