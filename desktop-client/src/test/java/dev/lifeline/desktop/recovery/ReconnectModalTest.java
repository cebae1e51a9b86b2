package dev.lifeline.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.CompleteTask;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.incident.Phase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A desktop started in the middle of a recovery (as after kill -9 and a restart). */
class ReconnectModalTest extends DesktopUiTest {

    private static final String INCIDENT = "CF1:CAagent";

    @Override
    protected void script(FakeLifelineServer server) {
        server.agentState(() -> Samples.withIncident(Samples.incident(INCIDENT, Phase.PINGING, 1)));
    }

    private void awaitModal() {
        Await.untilFx("the Reconnecting modal shows", () -> shown("#reconnectModal"));
        awaitServerSocket();
    }

    @Test
    void modalOpensOnStartWithWhatHappenedThePhaseAndACountdown() {
        awaitModal();

        assertThat(text("#reconnectHeadline")).startsWith("Your call with Jane Doe (" + Samples.CUSTOMER_NUMBER + ") dropped")
                .containsPattern("dropped 1\\d s ago");
        assertThat(text("#reconnectPhase")).isEqualTo("Checking that your desktop is back…");
        assertThat(text("#reconnectCountdown")).matches("0:1\\d");
        assertThat(shell.modal().stage().getModality()).isEqualTo(javafx.stage.Modality.APPLICATION_MODAL);
    }

    @Test
    void escapeDoesNotCloseTheModal() {
        awaitModal();

        interact(() -> shell.modal().stage().getScene().getRoot().fireEvent(
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false)));
        push(KeyCode.ESCAPE);

        assertThat(shown("#reconnectModal")).isTrue();
    }

    @Test
    void aWindowCloseRequestDoesNotCloseTheModal() {
        awaitModal();

        interact(() -> shell.modal().stage().fireEvent(
                new WindowEvent(shell.modal().stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));

        assertThat(shown("#reconnectModal")).isTrue();
        assertThat(shell.modal().stage().getStyle()).isEqualTo(javafx.stage.StageStyle.UNDECORATED);
    }

    @Test
    void pingAndReconnectAreAcceptedWithoutAClick() {
        awaitModal();

        server.push(new ReservationOffered(Samples.recoveryPing("WRping", INCIDENT)));
        Await.until("the ping is accepted", () -> server.commands(AcceptReservation.class).contains(new AcceptReservation("WRping")));
        server.push(new IncidentChanged(Samples.incident(INCIDENT, Phase.RECONNECT_ENQUEUED, 2)));
        server.push(new ReservationOffered(Samples.reconnect("WRback", INCIDENT)));
        Await.until("the reconnect is accepted", () -> server.commands(AcceptReservation.class).contains(new AcceptReservation("WRback")));

        assertThat(server.commands(AcceptReservation.class)).containsExactly(
                new AcceptReservation("WRping"), new AcceptReservation("WRback"));
        assertThat(text("#reconnectPhase")).isEqualTo("Your desktop is back. Connecting the customer to you again…");
        assertThat(shown("#offerCard")).as("recovery reservations never ring like ordinary calls").isFalse();
    }

    /**
     * Issue 21: the customer of a requeued recovery is an ordinary call, even offered back to the agent who dropped
     * and even when the offer says "reconnect": it rings with the caller's details and waits for a click.
     */
    @Test
    void theCustomerOfferedAfterTheRecoveryWasRequeuedRingsAndWaitsForTheAgent() {
        awaitModal();
        server.push(new IncidentChanged(Samples.incident(INCIDENT, Phase.REQUEUED, 2)));
        Await.untilFx("the modal closes", () -> !shown("#reconnectModal"));

        server.push(new ReservationOffered(Samples.reconnect("WRagain", INCIDENT)));

        Await.untilFx("the call rings", () -> shown("#offerCard"));
        assertThat(text("#callerName")).isEqualTo("Jane Doe");
        clickOn("#acceptButton");
        Await.until("the agent's accept reaches the server",
                () -> server.commands(AcceptReservation.class).contains(new AcceptReservation("WRagain")));
        assertThat(server.commands(AcceptReservation.class)).as("accepted once, by the click").hasSize(1);
    }

    @Test
    void wrapUpOfTheInterruptedTaskIsDisabledWhileTheModalIsUp() {
        awaitModal();
        assertThat(disabled("#wrapUpAction-WT1")).isTrue();
        assertThat(shown("#wrapUpBlocked")).isTrue();

        server.push(new IncidentChanged(Samples.incident(INCIDENT, Phase.REQUEUED, 2)));
        Await.untilFx("the modal closes", () -> !shown("#reconnectModal"));

        assertThat(disabled("#wrapUpAction-WT1")).isFalse();
        clickOn("#wrapUpAction-WT1");
        Await.until("the complete reaches the server", () -> server.commands(CompleteTask.class).contains(new CompleteTask("WT1")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RESTORED      | Reconnected",
            "REQUEUED      | Customer returned to the queue",
            "CUSTOMER_LEFT | The customer hung up before you were back",
            "EXPIRED       | The reconnection took too long and was stopped",
            "CANCELLED     | A supervisor cancelled the reconnection; the customer went back to the queue"})
    void modalClosesItselfOnEveryTerminalPhaseWithItsMessage(Phase terminal, String message) {
        awaitModal();

        server.push(new IncidentChanged(Samples.incident(INCIDENT, terminal, 5)));

        Await.untilFx("the outcome shows", () -> message.equals(text("#reconnectOutcome")));
        Await.untilFx("the modal closes by itself", () -> !shown("#reconnectModal"));
        assertThat(text("#statusMessage")).isEqualTo("Last recovery: " + message);
    }

    @Test
    void aStaleIncidentUpdateDoesNotReopenAFinishedModal() {
        awaitModal();
        server.push(new IncidentChanged(Samples.incident(INCIDENT, Phase.RESTORED, 5)));
        Await.untilFx("the modal closes", () -> !shown("#reconnectModal"));

        server.push(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 3)));
        server.push(new IncidentChanged(Samples.incident(INCIDENT, Phase.RESTORED, 6)));
        Await.untilFx("the last update is applied", () -> shell.agentModel().incidentProperty().get().version() == 6);

        assertThat(shown("#reconnectModal")).isFalse();
    }
}
