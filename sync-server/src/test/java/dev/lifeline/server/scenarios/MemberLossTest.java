package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.scenarios.MemberLossDriver.KillPoint;
import dev.lifeline.server.scenarios.MemberLossDriver.Recovery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

    @Test
    void everyRecoveryCompletesOnceWhenItsOwnerIsTerminatedAtAnyStep() throws Exception {
        driver = MemberLossDriver.start();
        for (KillPoint point : KillPoint.values()) {
            Recovery recovery = driver.recoverKillingOwnerAt(point);
            assertThat(recovery.everyEffectOnce())
                    .as("owner terminated %s: one ping, one reconnect, one announcement, two enqueues (%s)", point, recovery)
                    .isTrue();
        }
    }
}
