package dev.lifeline.desktop.reservations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.testing.RecordingSender;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.ReservationRescinded;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.reservation.ReservationView;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ReservationOfferViewModelTest {

    private final AgentModel model = new AgentModel(Samples.WORKER, Clock.systemUTC());
    private final RecordingSender sender = new RecordingSender();
    private final ReservationOfferViewModel offer = new ReservationOfferViewModel(model, sender, UiExecutor.DIRECT);

    @Test
    void anOfferRingsWithCallerDetails() {
        model.apply(new ReservationOffered(Samples.offer("WR1", "WT1")));

        assertThat(offer.ringingProperty().get()).isTrue();
        assertThat(offer.callerProperty().get()).isEqualTo("Jane Doe");
        assertThat(offer.detailsProperty().get()).isEqualTo("+15550100 · via Support · voice");
    }

    @Test
    void theCountdownRunsToTheRingDeadline() {
        ReservationView reservation = Samples.offer("WR1", "WT1");
        model.apply(new ReservationOffered(reservation));

        offer.tick(reservation.createdAt().plusSeconds(20));

        assertThat(offer.countdownProperty().get()).isEqualTo("10 s");
        assertThat(offer.ringProgressProperty().get()).isEqualTo(10.0 / 30);
    }

    @Test
    void theReservationsOfTheAgentsOwnRecoveryNeverRing() {
        model.apply(new IncidentChanged(Samples.incident("I1", Phase.PINGING, 1)));

        model.apply(new ReservationOffered(Samples.recoveryPing("WRping", "I1")));
        model.apply(new ReservationOffered(Samples.reconnect("WRback", "I1")));

        assertThat(offer.ringingProperty().get()).isFalse();
    }

    /** Issue 21: whatever the flags say, a customer who is not the agent's own recovery is an ordinary offer. */
    @Test
    void aReconnectFlaggedReservationOfNoRecoveryOfTheAgentRingsWithTheCallersDetails() {
        model.apply(new ReservationOffered(Samples.reconnect("WRrequeued", "I7")));

        assertThat(offer.ringingProperty().get()).isTrue();
        assertThat(offer.callerProperty().get()).isEqualTo("Jane Doe");
    }

    @Test
    void theDroppedAgentsOwnCustomerRingsOnceTheirRecoveryIsOver() {
        model.apply(new IncidentChanged(Samples.incident("I1", Phase.RECONNECT_ENQUEUED, 2)));
        model.apply(new ReservationOffered(Samples.reconnect("WRback", "I1")));
        assertThat(offer.ringingProperty().get()).isFalse();

        model.apply(new IncidentChanged(Samples.incident("I1", Phase.REQUEUED, 3)));

        assertThat(offer.ringingProperty().get()).isTrue();
    }

    @Test
    void aRescindedOfferStopsRinging() {
        model.apply(new ReservationOffered(Samples.offer("WR1", "WT1")));

        model.apply(new ReservationRescinded("WR1", ReservationStatus.TIMEOUT));

        assertThat(offer.ringingProperty().get()).isFalse();
    }

    @Test
    void acceptSendsTheReservationSid() {
        model.apply(new ReservationOffered(Samples.offer("WR1", "WT1")));

        offer.accept();

        assertThat(sender.sent).containsExactly(new AcceptReservation("WR1"));
    }

    @Test
    void aRefusedAcceptSaysWhy() {
        model.apply(new ReservationOffered(Samples.offer("WR1", "WT1")));
        sender.refuse("the reservation was rescinded");

        offer.accept();

        assertThat(offer.errorProperty().get()).isEqualTo("the reservation was rescinded");
        assertThat(offer.busyProperty().get()).isFalse();
    }
}
