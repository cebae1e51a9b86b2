package dev.lifeline.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.testing.RecordingSender;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.incident.Phase;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, desktop side: only the ping and the reconnect of the agent's own open recovery are accepted without a
 * click, whatever the server's flags say; an accept that loses a race the modal already explains is no error.
 */
class RecoveryAutoAcceptorTest {

    private static final String INCIDENT = "CF1:CAagent";

    private final AgentModel model = new AgentModel(Samples.WORKER, Clock.systemUTC());
    private final RecordingSender sender = new RecordingSender();

    RecoveryAutoAcceptorTest() {
        new RecoveryAutoAcceptor(model, sender, UiExecutor.DIRECT);
    }

    @Test
    void aReconnectFlaggedCustomerIsNotAcceptedByADesktopThatIsRecoveringNothing() {
        model.apply(new ReservationOffered(Samples.reconnect("WRrequeued", INCIDENT)));

        assertThat(sender.sent).isEmpty();
    }

    @Test
    void theAgentsOwnCustomerIsNotAcceptedByItselfOnceTheRecoveryWasRequeued() {
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.REQUEUED, 3)));

        model.apply(new ReservationOffered(Samples.reconnect("WRrequeued", INCIDENT)));

        assertThat(sender.sent).isEmpty();
    }

    @Test
    void aReconnectOfAnotherIncidentIsNotAccepted() {
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.RECONNECT_ENQUEUED, 2)));

        model.apply(new ReservationOffered(Samples.reconnect("WRother", "CF9:CAsomeone")));

        assertThat(sender.sent).isEmpty();
    }

    @Test
    void aReconnectOfferedBeforeTheDesktopHeardOfItsIncidentIsAcceptedWhenTheNewsArrives() {
        model.apply(new ReservationOffered(Samples.reconnect("WRback", INCIDENT)));
        assertThat(sender.sent).isEmpty();

        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.RECONNECT_ENQUEUED, 2)));

        assertThat(sender.sent).containsExactly(new AcceptReservation("WRback"));
    }

    @Test
    void anAcceptThatLostTheRaceWithTheCustomersHangUpIsNoError() {
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.RECONNECT_ENQUEUED, 2)));
        sender.refuse(409, "Reservation WR0123456789abcdef0123456789abcdef is canceled; only a pending reservation can be accepted");

        model.apply(new ReservationOffered(Samples.reconnect("WRback", INCIDENT)));

        assertThat(sender.sent).containsExactly(new AcceptReservation("WRback"));
        assertThat(model.lastProblemProperty().get()).isEmpty();
    }

    @Test
    void aReservationGoneBeforeTheAcceptIsNoErrorEither() {
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 1)));
        sender.refuse(404, "Twilio no longer knows it: reservation WR0123456789abcdef0123456789abcdef");

        model.apply(new ReservationOffered(Samples.recoveryPing("WRping", INCIDENT)));

        assertThat(model.lastProblemProperty().get()).isEmpty();
    }

    @Test
    void aRealFailureIsReportedInPlainWordsWithoutTheServersDetail() {
        model.apply(new IncidentChanged(Samples.incident(INCIDENT, Phase.PINGING, 1)));
        sender.refuse(0, "The server at localhost:8100 cannot be reached right now.");

        model.apply(new ReservationOffered(Samples.recoveryPing("WRping", INCIDENT)));

        assertThat(model.lastProblemProperty().get())
                .isEqualTo("Could not take the reconnection automatically: the server cannot be reached right now.");
    }
}
