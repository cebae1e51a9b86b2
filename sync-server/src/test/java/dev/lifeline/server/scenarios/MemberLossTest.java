package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.scenarios.MemberLossDriver.KillPoint;
import dev.lifeline.server.scenarios.MemberLossDriver.Recovery;
import org.junit.jupiter.api.AfterEach;
import dev.lifeline.server.recovery.RecoveryStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #7 item 3, the CI-sized run: the member owning a recovering incident is terminated at every step of the
 * recovery in turn (three members, backup count 1, a replacement started each time), and each recovery still
 * reaches {@link Phase#RESTORED} with every Twilio side effect performed exactly once. The 100-recovery run at
 * random points is {@code MemberLossBenchmark}.
 */
class MemberLossTest {

    private MemberLossDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
    }

    @ParameterizedTest
    @EnumSource(RecoveryStrategy.class)
    void everyRecoveryCompletesOnceWhenItsOwnerIsTerminatedAtAnyStep(RecoveryStrategy strategy) throws Exception {
        driver = MemberLossDriver.start(strategy);
        for (KillPoint point : KillPoint.values()) {
            Recovery recovery = driver.recoverKillingOwnerAt(point);
            assertThat(recovery.everyEffectOnce())
                    .as("%s, owner terminated %s: every effect once (%s)", strategy, point, recovery)
                    .isTrue();
        }
    }
}
