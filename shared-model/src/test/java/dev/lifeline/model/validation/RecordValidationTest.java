package dev.lifeline.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.model.Samples;
import dev.lifeline.model.auth.EventsTicket;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.RefreshResponse;
import dev.lifeline.model.auth.Role;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.conference.ParticipantView;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.queue.FinishedIncident;
import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.reservation.ReservationView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact constructors refuse incomplete values with a message naming the field, whoever builds them. */
class RecordValidationTest {

    private static final Instant T0 = Samples.T0;

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> new AcceptReservation(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reservationSid: missing required field");
        assertThatThrownBy(() -> new SetActivity(null)).hasMessage("activity: missing required field");
    }

    @Test
    void aNullListElementIsNamedWithItsIndex() {
        List<ParticipantView> participants = new ArrayList<>();
        participants.add(Samples.conference().participants().get(0));
        participants.add(null);

        assertThatThrownBy(() -> new ConferenceView("CF1", "WT1", participants, T0, null))
                .hasMessage("participants[1]: missing required field");
    }

    @Test
    void listsAreCopiesTheCallerCannotChangeAfterwards() {
        List<ParticipantView> participants = new ArrayList<>(Samples.conference().participants());
        ConferenceView conference = new ConferenceView("CF1", "WT1", participants, T0, null);

        participants.clear();

        assertThat(conference.participants()).hasSize(2);
        assertThatThrownBy(() -> conference.participants().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRecoveryPingMustNameItsIncident() {
        assertThatThrownBy(() -> new ReservationView("WR1", "WT1", "WK1", ReservationStatus.PENDING, "voice", null,
                null, null, T0, null, true, false, null))
                .hasMessageStartingWith("incidentId: missing required field");
    }

    @Test
    void theSnapshotsPendingPingMustBeARecoveryPing() {
        assertThatThrownBy(() -> new StateSnapshot(Samples.agent(), List.of(), List.of(), null, null,
                Samples.reservation(), T0))
                .hasMessage("pendingPing: must be a recovery ping reservation");
    }

    @Test
    void anIncidentCountsAttemptsFromOne() {
        assertThatThrownBy(() -> new IncidentView("I1", "CF1", Phase.DETECTED, 0, "WK1", null, null, null, null, null,
                null, null, null, 0))
                .hasMessage("attempt: must be at least 1 but was 0");
    }

    @Test
    void timeToReconnectRunsFromDetectionToRestoration() {
        Map<Phase, Instant> reached = new EnumMap<>(Phase.class);
        reached.put(Phase.DETECTED, T0);
        reached.put(Phase.RESTORED, T0.plusMillis(9_250));
        IncidentView restored = new IncidentView("I1", "CF1", Phase.RESTORED, 1, "WK1", null, null, null, null, null,
                null, reached, "Reconnected", 7);

        assertThat(restored.isOpen()).isFalse();
        assertThat(restored.timeToReconnect()).contains(Duration.ofMillis(9_250));
        assertThat(Samples.incident().isOpen()).isTrue();
        assertThat(Samples.incident().timeToReconnect()).isEmpty();
    }

    @Test
    void aFinishedIncidentMustEndInATerminalPhase() {
        assertThatThrownBy(() -> new FinishedIncident("I1", null, null, Phase.PINGING, null, T0, null))
                .hasMessage("outcome: must be a terminal phase but was PINGING");
    }

    @Test
    void anAgentLoginNeedsAWorkerButASupervisorLoginDoesNot() {
        assertThatThrownBy(() -> new LoginResponse("tok", T0, Role.AGENT, "alice", null))
                .hasMessage("workerSid: missing required field");
        assertThat(new LoginResponse("tok", T0, Role.SUPERVISOR, "sam", null).workerSid()).isNull();
    }

    @Test
    void credentialsNeverAppearInToString() {
        assertThat(new LoginRequest("alice", "s3cret!").toString()).contains("alice").doesNotContain("s3cret!");
        assertThat(new LoginResponse("tok-123", T0, Role.AGENT, "alice", "WK1").toString()).doesNotContain("tok-123");
        assertThat(new RefreshResponse("tok-456", T0).toString()).doesNotContain("tok-456");
        assertThat(new EventsTicket("tkt-789", T0).toString()).doesNotContain("tkt-789");
    }
}
