package dev.lifeline.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.incident.Phase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A desktop restarted in the middle of a recovery draws the Reconnecting modal from the first state snapshot: it does
 * not wait for the phone's account (a slow {@code GET /api/me/softphone}), nor for the phone to register, nor for the
 * rest of the desk (issue 14 item 3).
 */
class ModalBeforeThePhoneTest extends DesktopUiTest {

    private Runnable releaseSoftphoneAccount;

    @Override
    protected void script(FakeLifelineServer server) {
        server.agentState(() -> Samples.withIncident(Samples.incident("CF1:CAagent", Phase.PINGING, 1)));
        releaseSoftphoneAccount = server.holdSoftphoneAccounts();
    }

    @AfterEach
    void releaseTheAccount() {
        releaseSoftphoneAccount.run();
    }

    @Test
    void theModalShowsFromTheFirstSnapshotWhileThePhonesAccountIsStillOnItsWay() {
        Await.untilFx("the Reconnecting modal shows", () -> shown("#reconnectModal"));

        assertThat(text("#reconnectPhase")).isEqualTo("Checking that your desktop is back…");
        assertThat(log).as("no phone yet: its account has not arrived").doesNotContain("softphone:register alice");
        assertThat(server.connects()).as("the event stream opened beside the account's fetch").isPositive();

        releaseSoftphoneAccount.run();

        Await.until("the phone registers once its account arrives", () -> log.contains("softphone:register alice"));
        awaitServerSocket();
        assertThat(shown("#reconnectModal")).isTrue();
    }
}
