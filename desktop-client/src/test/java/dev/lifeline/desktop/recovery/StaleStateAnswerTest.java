package dev.lifeline.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.event.ActivityChanged;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.incident.Phase;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: ReconnectModalTest's terminal-phase cases timed out under load. On connect the desktop also asks for its
 * state over REST; that answer, fetched while the recovery was still open and arriving after its end on the socket,
 * put the open incident back, and the modal stayed up for good.
 */
class StaleStateAnswerTest extends DesktopUiTest {

    private static final String INCIDENT = "CF1:CAagent";

    private Runnable releaseStateAnswers;

    @Override
    protected void script(FakeLifelineServer server) {
        server.agentState(() -> Samples.withIncident(Samples.incident(INCIDENT, Phase.PINGING, 1)));
        releaseStateAnswers = server.holdStateAnswers();
    }

    @Test
    void aStateAnswerFetchedBeforeTheRecoveryEndedDoesNotReopenTheModal() {
        Await.untilFx("the Reconnecting modal shows", () -> shown("#reconnectModal"));
        awaitServerSocket();
        Await.until("the desktop asked for its state", () -> server.heldStateAnswers() > 0);
        server.push(new IncidentChanged(Samples.incident(INCIDENT, Phase.CUSTOMER_LEFT, 5)));
        Await.untilFx("the outcome shows", () -> !text("#reconnectOutcome").isEmpty());

        releaseStateAnswers.run();
        Await.until("the held answer went out", () -> server.stateAnswers() > 0);
        // An event after the answer, to read the desk once the answer has most likely been handled as well.
        server.push(new ActivityChanged(Samples.alice("Break")));
        Await.untilFx("the later event is applied", () -> "Break".equals(shell.agentModel().agentProperty().get().activity()));

        Await.untilFx("the modal closes by itself", () -> !shown("#reconnectModal"));
        assertThat(shell.agentModel().incidentProperty().get().phase()).isEqualTo(Phase.CUSTOMER_LEFT);
    }
}
