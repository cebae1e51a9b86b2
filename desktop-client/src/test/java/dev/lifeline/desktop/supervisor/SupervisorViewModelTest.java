package dev.lifeline.desktop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.RecordingSender;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.CancelIncident;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupervisorViewModelTest {

    private final RecordingSender sender = new RecordingSender();
    private final SupervisorViewModel panel = new SupervisorViewModel(sender, UiExecutor.DIRECT, Clock.systemUTC(), ZoneOffset.UTC);

    @Test
    void rowsSurviveUpdatesAsTheSameObjects() {
        panel.apply(Samples.queue(List.of(Samples.incident("I1", Phase.PINGING, 1)), List.of()));
        IncidentRow row = panel.incidents().get(0);
        AgentRow alice = panel.agents().get(0);

        panel.apply(Samples.queue(List.of(Samples.incident("I1", Phase.RECONNECTED, 3)), List.of()));

        assertThat(panel.incidents()).containsExactly(row);
        assertThat(panel.agents().get(0)).isSameAs(alice);
        assertThat(row.phaseProperty().get()).isEqualTo("Reconnected");
    }

    @Test
    void aNewIncidentIsInsertedWithoutReplacingTheOthers() {
        panel.apply(Samples.queue(List.of(Samples.incident("I1", Phase.PINGING, 1)), List.of()));
        IncidentRow first = panel.incidents().get(0);
        IncidentView second = Samples.incident("I2", Phase.DETECTED, 1);

        panel.apply(Samples.queue(List.of(second, Samples.incident("I1", Phase.PINGING, 2)), List.of()));

        assertThat(panel.incidents()).extracting(IncidentRow::incidentId).containsExactly("I2", "I1");
        assertThat(panel.incidents().get(1)).isSameAs(first);
    }

    @Test
    void theAlertNamesStrandedCustomersFirstThenOtherFailedStepsAndIsEmptyWithoutThem() {
        IncidentView pinging = Samples.incident("I1", Phase.PINGING, 1);
        IncidentView holdMusicFailed = withAlert(pinging, Phase.PINGING, "Not done: hold music could not be started.");
        IncidentView stranded = withAlert(Samples.incident("I2", Phase.PINGING, 1), Phase.STRANDED, "In no queue.");

        panel.apply(Samples.queue(List.of(pinging), List.of()));
        assertThat(panel.alertProperty().get()).isEmpty();

        panel.apply(Samples.queue(List.of(holdMusicFailed, stranded), List.of()));
        assertThat(panel.alertProperty().get()).isEqualTo("Alice Agent's call with Jane Doe: In no queue.\n"
                + "Alice Agent's call with Jane Doe: Not done: hold music could not be started.");
    }

    @Test
    void aStrandedCustomerHasNoDeadlineCountdown() {
        IncidentView stranded = withAlert(Samples.incident("I1", Phase.PINGING, 1), Phase.STRANDED, "In no queue.");
        panel.apply(Samples.queue(List.of(stranded), List.of()));

        panel.tick(stranded.reachedAt(Phase.DETECTED).orElseThrow().plusSeconds(20));

        assertThat(panel.incidents().get(0).countdownProperty().get()).isEmpty();
        assertThat(panel.incidents().get(0).elapsedProperty().get()).isEqualTo("0:20");
    }

    private static IncidentView withAlert(IncidentView view, Phase phase, String alert) {
        return new IncidentView(view.incidentId(), view.conferenceSid(), phase, view.attempt(), view.droppedWorkerSid(),
                view.droppedWorkerName(), view.customerLabel(), view.customerNumber(), view.remainingParties(), view.deadline(),
                view.pingDeadline(), view.phaseReachedAt(), null, view.version() + 1, alert);
    }

    @Test
    void elapsedAndCountdownAdvanceBetweenPushes() {
        IncidentView incident = Samples.incident("I1", Phase.PINGING, 1);
        panel.apply(Samples.queue(List.of(incident), List.of()));

        panel.tick(incident.reachedAt(Phase.DETECTED).orElseThrow().plusSeconds(20));

        assertThat(panel.incidents().get(0).elapsedProperty().get()).isEqualTo("0:20");
        assertThat(panel.incidents().get(0).countdownProperty().get()).isEqualTo("0:07");
    }

    @Test
    void finishedIncidentsShowOutcomeAndTimeToReconnect() {
        panel.apply(Samples.queue(List.of(), List.of(Samples.restored("I1"))));

        assertThat(panel.finished().get(0).outcomeProperty().get()).isEqualTo("Reconnected to Alice Agent");
        assertThat(panel.finished().get(0).timeToReconnectProperty().get()).isEqualTo("8.4 s");
    }

    @Test
    void cancelSendsTheIncidentIdAndConfirms() {
        panel.apply(Samples.queue(List.of(Samples.incident("CF1:CA1", Phase.PINGING, 1)), List.of()));

        panel.cancel(panel.incidents().get(0));

        assertThat(sender.sent).extracting(command -> ((CancelIncident) command).incidentId()).containsExactly("CF1:CA1");
        assertThat(panel.statusProperty().get()).startsWith("Recovery cancelled");
    }

    @Test
    void theLastHourIsShownAsPercentilesAndOneCountPerOutcomeThatStaysTheSameObject() {
        var restored = panel.statistics().outcomes().get("Restored");

        panel.apply(Samples.queue(List.of(), List.of(), Samples.lastHour()));

        assertThat(panel.statistics().p50Property().get()).isEqualTo("4.2 s");
        assertThat(panel.statistics().p95Property().get()).isEqualTo("9.8 s");
        assertThat(panel.statistics().finishedProperty().get()).isEqualTo("4 recoveries finished in the last hour");
        assertThat(panel.statistics().outcomes().get("Restored")).isSameAs(restored);
        assertThat(panel.statistics().outcomes().entrySet()).extracting(outcome -> outcome.getKey() + "=" + outcome.getValue().get())
                .containsExactly("Restored=3", "Requeued=1", "Customer left=0", "Expired=0", "Cancelled=0");
    }
}
