package dev.lifeline.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.command.PhoneReady;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.incident.Phase;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17 on the real desk (JavaFX, headless): a desktop restarted in the middle of its recovery says it is back once
 * its phone is registered, leaves a call nobody announced ringing, and picks up the call the server announced as the
 * rejoin.
 */
class RejoinCallOnTheDeskTest extends DesktopUiTest {

    private static final String INCIDENT = "CF1:CAagent";

    @Override
    protected void script(FakeLifelineServer server) {
        server.agentState(() -> Samples.withIncident(Samples.incident(INCIDENT, Phase.PINGING, 1)));
    }

    @Test
    void theRestartedDeskSaysItIsBackAndAnswersOnlyTheAnnouncedRejoin() {
        awaitDesk();
        Await.until("the desk told the server it is back", () -> server.commands(PhoneReady.class)
                .contains(new PhoneReady(INCIDENT)));

        softphone.ring("CAstranger");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(log).as("a call during the recovery that nobody announced").doesNotContain("softphone:answer CAstranger");
        softphone.cancelRing("CAstranger");

        server.push(new IncidentChanged(Samples.incident(INCIDENT, Phase.REJOINING, 2)));
        Await.untilFx("the modal says the server is calling", () -> text("#reconnectPhase")
                .equals(PhaseText.forAgent(Phase.REJOINING)));
        softphone.ring("CArejoin");

        Await.until("the announced rejoin is answered", () -> log.contains("softphone:answer CArejoin"));
        assertThat(log).doesNotContain("softphone:answer CAstranger");
        assertThat(server.commands(PhoneReady.class)).as("said once").hasSize(1);
    }
}
