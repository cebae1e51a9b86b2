package dev.lifeline.desktop.guardian;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
    private final RestartPolicy policy = new RestartPolicy();

    @ParameterizedTest(name = "exit {0} is a deliberate stop")
    @ValueSource(ints = {0, RestartPolicy.USAGE_ERROR, RestartPolicy.CANNOT_RUN, 130, 143})
    void aDeliberateStopIsNotUndone(int exitCode) {
        RestartPolicy.Decision decision = policy.afterExit(exitCode, T0);

        assertThat(decision.restart()).isFalse();
        assertThat(decision.exitCode()).isEqualTo(exitCode);
    }

    @ParameterizedTest(name = "exit {0} is a problem")
    @ValueSource(ints = {1, 3, 134, 137, 139})
    void aProblemIsRestartedAtOnce(int exitCode) {
        RestartPolicy.Decision decision = policy.afterExit(exitCode, T0);

        assertThat(decision.restart()).isTrue();
        assertThat(decision.delay()).isZero();
    }

    @Test
    void problemsInAQuickSuccessionWaitLongerEachTimeUpToTheCap() {
        RestartPolicy patient = new RestartPolicy();
        // Spread over the window so the guardian never gives up: each problem 20 s after the last.
        Duration[] expected = {Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8)};
        for (int i = 0; i < expected.length; i++) {
            assertThat(patient.afterExit(137, T0.plusSeconds(20L * i)).delay()).isEqualTo(expected[i]);
        }
        assertThat(RestartPolicy.MAX_BACKOFF).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void itGivesUpAfterSixProblemsWithinTwoMinutes() {
        for (int i = 0; i < RestartPolicy.GIVE_UP_AFTER - 1; i++) {
            assertThat(policy.afterExit(137, T0.plusSeconds(i)).restart()).isTrue();
        }

        RestartPolicy.Decision last = policy.afterExit(137, T0.plusSeconds(10));

        assertThat(last.restart()).isFalse();
        assertThat(last.exitCode()).isEqualTo(137);
        assertThat(last.reason()).isEqualTo("it stopped unexpectedly 6 times within 2 minutes; not starting it again");
    }

    @Test
    void problemsOlderThanTheWindowAreForgiven() {
        for (int i = 0; i < RestartPolicy.GIVE_UP_AFTER - 1; i++) {
            policy.afterExit(137, T0.plusSeconds(i));
        }

        RestartPolicy.Decision muchLater = policy.afterExit(137, T0.plus(RestartPolicy.WINDOW).plusSeconds(30));

        assertThat(muchLater.restart()).isTrue();
        assertThat(muchLater.delay()).isZero();
    }

    @Test
    void theReasonSaysWhatHappenedInWords() {
        assertThat(policy.afterExit(137, T0).reason()).isEqualTo("it was killed (SIGKILL)");
        assertThat(RestartPolicy.describe(3)).isEqualTo("it ran out of memory");
        assertThat(RestartPolicy.describe(134)).isEqualTo("it crashed (SIGABRT)");
        assertThat(RestartPolicy.describe(1)).isEqualTo("it exited with code 1");
    }
}
