package dev.lifeline.desktop.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.testing.RecordingSender;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveryViewModelTest {

    private final AgentModel model = new AgentModel(Samples.WORKER, Clock.systemUTC());
    private final RecoveryViewModel recovery = new RecoveryViewModel(model);

    private static IncidentView incident(Phase phase, long version, Instant detected) {
        return new IncidentView("I1", "CF1", phase, 1, Samples.WORKER, "Alice", null, "+15550100", List.of(),
                detected.plusSeconds(120), detected.plusSeconds(15), Map.of(Phase.DETECTED, detected), null, version);
    }

    @Test
    void headlineSaysWhoDroppedAndHowLongAgo() {
        Instant detected = Instant.parse("2026-11-25T21:00:00Z");

        assertThat(RecoveryViewModel.headline(incident(Phase.PINGING, 1, detected), detected.plusSeconds(12)))
                .isEqualTo("Your call with +15550100 dropped 12 s ago");
    }

    @Test
    void countdownRunsToThePingDeadlineWhilePinging() {
        Instant detected = Instant.now();
        model.apply(new IncidentChanged(incident(Phase.PINGING, 1, detected)));

        recovery.tick(detected.plusSeconds(3));

        assertThat(recovery.countdownProperty().get()).isEqualTo("0:12");
        assertThat(recovery.countdownLabelProperty().get()).isEqualTo("Customer returns to the queue in");
    }

    @Test
    void countdownRunsToTheIncidentDeadlineOnceThePingIsAccepted() {
        Instant detected = Instant.now();
        model.apply(new IncidentChanged(incident(Phase.RECONNECT_ENQUEUED, 2, detected)));

        recovery.tick(detected.plusSeconds(20));

        assertThat(recovery.countdownProperty().get()).isEqualTo("1:40");
        assertThat(recovery.countdownLabelProperty().get()).isEqualTo("Giving up in");
    }

    @Test
    void aTerminalPhaseClosesWithItsOutcome() {
        model.apply(new IncidentChanged(incident(Phase.PINGING, 1, Instant.now())));
        assertThat(recovery.openProperty().get()).isTrue();

        model.apply(new IncidentChanged(incident(Phase.REQUEUED, 2, Instant.now())));

        assertThat(recovery.openProperty().get()).isFalse();
        assertThat(recovery.outcomeProperty().get()).isEqualTo("Customer returned to the queue");
    }

    @Test
    void aStaleVersionIsDropped() {
        model.apply(new IncidentChanged(incident(Phase.RECONNECT_ENQUEUED, 3, Instant.now())));

        model.apply(new IncidentChanged(incident(Phase.PINGING, 2, Instant.now())));

        assertThat(model.incidentProperty().get().phase()).isEqualTo(Phase.RECONNECT_ENQUEUED);
    }

    @Test
    void anotherAgentsIncidentIsNotMine() {
        IncidentView bobs = new IncidentView("I2", "CF2", Phase.PINGING, 1, "WKbob", "Bob", null, null, List.of(),
                null, null, Map.of(), null, 1);

        model.apply(new IncidentChanged(bobs));

        assertThat(recovery.openProperty().get()).isFalse();
    }

    @Test
    void aSnapshotWithoutTheIncidentClosesAnOpenModal() {
        model.apply(new IncidentChanged(incident(Phase.PINGING, 1, Instant.now())));

        model.apply(new StateSnapshot(Samples.alice("Available"), List.of(), List.of(), null, null, null, Instant.now()));

        assertThat(recovery.openProperty().get()).isFalse();
        assertThat(recovery.outcomeProperty().get()).isEqualTo("The reconnection is over");
    }

    @Test
    void autoAcceptorAcceptsEachRecoveryReservationOnceAndNeverOrdinaryWork() {
        RecordingSender sender = new RecordingSender();
        new RecoveryAutoAcceptor(model, sender, UiExecutor.DIRECT);
        model.apply(new IncidentChanged(incident(Phase.PINGING, 1, Instant.now())));

        model.apply(new ReservationOffered(Samples.recoveryPing("WRping", "I1")));
        model.apply(new ReservationOffered(Samples.recoveryPing("WRping", "I1")));
        model.apply(new ReservationOffered(Samples.offer("WRwork", "WT9")));
        model.apply(new IncidentChanged(incident(Phase.RECONNECT_ENQUEUED, 2, Instant.now())));
        model.apply(new ReservationOffered(Samples.reconnect("WRback", "I1")));

        assertThat(sender.sent).containsExactly(new AcceptReservation("WRping"), new AcceptReservation("WRback"));
    }

    @Test
    void aPendingPingInTheSnapshotIsAcceptedOnStart() {
        RecordingSender sender = new RecordingSender();
        new RecoveryAutoAcceptor(model, sender, UiExecutor.DIRECT);

        model.apply(new StateSnapshot(Samples.alice("Available"), List.of(), List.of(), null,
                incident(Phase.PINGING, 1, Instant.now()), Samples.recoveryPing("WRping", "I1"), Instant.now()));

        assertThat(sender.sent).containsExactly(new AcceptReservation("WRping"));
    }

    @Test
    void countdownsUseTheServersClock() {
        Instant local = Instant.parse("2026-11-25T21:00:00Z");
        AgentModel skewed = new AgentModel(Samples.WORKER, Clock.fixed(local, ZoneOffset.UTC));

        skewed.apply(new StateSnapshot(Samples.alice("Available"), List.of(), List.of(), null, null, null, local.plusSeconds(30)));

        assertThat(skewed.serverNow()).isEqualTo(local.plusSeconds(30));
    }

    @Test
    void aFailedAutoAcceptMessageIsClearedWhenTheRecoveryEnds() {
        model.apply(new IncidentChanged(incident(Phase.PINGING, 1, Instant.now())));
        model.reportRecoveryProblem("Could not accept the reconnection automatically: Reservation WR1 is canceled");

        model.apply(new IncidentChanged(incident(Phase.REQUEUED, 2, Instant.now())));

        org.assertj.core.api.Assertions.assertThat(model.lastProblemProperty().get()).isEmpty();
    }

    @Test
    void anUnrelatedProblemSurvivesTheEndOfARecovery() {
        model.apply(new IncidentChanged(incident(Phase.PINGING, 1, Instant.now())));
        model.reportProblem("Hold failed: the call is over");

        model.apply(new IncidentChanged(incident(Phase.RESTORED, 2, Instant.now())));

        org.assertj.core.api.Assertions.assertThat(model.lastProblemProperty().get()).isEqualTo("Hold failed: the call is over");
    }
}
