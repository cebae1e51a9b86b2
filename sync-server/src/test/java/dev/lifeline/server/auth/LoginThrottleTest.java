package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.desktop.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue #22 items 3 and 4 at the throttle itself; {@code SignInFloodTest} and {@code LockoutTest} show them end to end. */
class LoginThrottleTest {

    private static final LoginThrottle.Limits LIMITS = new LoginThrottle.Limits(3, 5, Duration.ofMinutes(15), 1000, 1000, 10);
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(LIMITS, clock);

    @Test
    void onlyFailuresCountSoSignInsThatSucceedNeverLockTheAgentOut() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.check("alice", "10.0.0.1")).isZero();
            throttle.succeeded("alice", "10.0.0.1");
        }
        assertThat(throttle.tracked()).isZero();
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        throttle.succeeded("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");

        assertThat(throttle.check("alice", "10.0.0.1")).isZero();
    }

    @Test
    void failuresAtOneAddressHoldBackThatAddressOnlyUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("alice", "203.0.113.9");
        }

        assertThat(throttle.check("alice", "203.0.113.9")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.check("alice", "10.0.0.1")).as("alice at her own desk").isZero();
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.check("alice", "203.0.113.9")).isZero();
        assertThat(throttle.tracked()).as("expired windows are gone").isZero();
    }

    @Test
    void oneAddressTryingManyNamesIsHeldBackByItsOwnBudget() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "203.0.113.9");
        }

        assertThat(throttle.check("someone-new", "203.0.113.9")).isPositive();
        assertThat(throttle.check("someone-new", "10.0.0.1")).isZero();
    }

    @Test
    void theMemberWideBudgetHoldsBackGuessesSpreadOverManyAddresses() {
        LoginThrottle tight = new LoginThrottle(new LoginThrottle.Limits(3, 5, Duration.ofMinutes(15), 0.001, 4, 100), clock);
        for (int i = 0; i < 4; i++) {
            tight.failed("alice", "198.51.100." + i);
        }

        assertThat(tight.check("bob", "192.0.2.77")).isPositive();
    }

    @Test
    void theRememberedWindowsStayBoundedHoweverManyKeysFail() {
        for (int i = 0; i < 1000; i++) {
            throttle.failed("user" + i, "198.51." + (i / 256) + "." + (i % 256));
        }

        assertThat(throttle.tracked()).isLessThanOrEqualTo(2 * LIMITS.maxTracked());
    }
}
