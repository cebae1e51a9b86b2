package dev.lifeline.desktop.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import dev.lifeline.desktop.testing.DesktopUiTest;
import dev.lifeline.desktop.testing.FakeLifelineServer;
import dev.lifeline.desktop.testing.Samples;
import dev.lifeline.model.command.CancelIncident;
import dev.lifeline.model.event.QueueSnapshotChanged;
import dev.lifeline.model.incident.Phase;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

class SupervisorPanelTest extends DesktopUiTest {

    private static final String INCIDENT = "CF1:CAagent";

    @Override
    protected void script(FakeLifelineServer server) {
        server.queueSnapshot(Samples.queue(List.of(), List.of()));
    }

    @Override
    protected String signInAs() {
        return "sam";
    }

    @SuppressWarnings("unchecked")
    private TableView<IncidentRow> incidents() {
        return Await.onFx(() -> (TableView<IncidentRow>) lookup("#incidentTable").queryAs(TableView.class));
    }

    private void awaitPanel() {
        Await.untilFx("the panel shows the queues", () -> lookup("#queueTable").tryQuery()
                .map(table -> ((TableView<?>) table).getItems().size() == 2).orElse(false));
        awaitServerSocket();
    }

    @Test
    void anIncidentAppearsChangesPhaseAndFinishesWhileTheSelectionSurvives() {
        awaitPanel();

        server.push(new QueueSnapshotChanged(Samples.queue(List.of(Samples.incident(INCIDENT, Phase.PINGING, 1)), List.of())));
        Await.untilFx("the incident appears", () -> incidents().getItems().size() == 1);
        IncidentRow row = Await.onFx(() -> incidents().getItems().get(0));
        assertThat(Await.onFx(() -> row.phaseProperty().get())).isEqualTo("Pinging agent");
        assertThat(Await.onFx(() -> row.agentProperty().get())).isEqualTo("Alice Agent");
        interact(() -> incidents().getSelectionModel().select(row));

        server.push(new QueueSnapshotChanged(Samples.queue(List.of(Samples.incident(INCIDENT, Phase.RECONNECT_ENQUEUED, 2)), List.of())));
        Await.untilFx("the phase changes", () -> "Reconnect queued".equals(row.phaseProperty().get()));
        assertThat(Await.onFx(() -> incidents().getSelectionModel().getSelectedItem())).isSameAs(row);
        assertThat(Await.onFx(() -> incidents().getItems().get(0))).isSameAs(row);

        server.push(new QueueSnapshotChanged(Samples.queue(List.of(), List.of(Samples.restored(INCIDENT)))));
        Await.untilFx("the incident leaves the in-progress table", () -> incidents().getItems().isEmpty());
        FinishedRow finished = Await.onFx(() -> (FinishedRow) lookup("#finishedTable").queryAs(TableView.class).getItems().get(0));
        assertThat(Await.onFx(() -> finished.outcomeProperty().get())).isEqualTo("Reconnected to Alice Agent");
        assertThat(Await.onFx(() -> finished.timeToReconnectProperty().get())).isEqualTo("8.4 s");
    }

    @Test
    void aSupervisorCancelsTheSelectedIncident() {
        awaitPanel();
        server.push(new QueueSnapshotChanged(Samples.queue(List.of(Samples.incident(INCIDENT, Phase.PINGING, 1)), List.of())));
        Await.untilFx("the incident appears", () -> incidents().getItems().size() == 1);
        assertThat(disabled("#cancelIncidentButton")).isTrue();

        interact(() -> incidents().getSelectionModel().select(0));
        clickOn("#cancelIncidentButton");

        Await.until("the cancel reaches the server", () -> !server.commands(CancelIncident.class).isEmpty());
        assertThat(server.commands(CancelIncident.class).get(0).incidentId()).isEqualTo(INCIDENT);
        Await.untilFx("the panel confirms", () -> text("#statusMessage").startsWith("Recovery cancelled"));
    }

    @Test
    void aStrandedCustomerRaisesTheAlertBannerUntilTheyAreQueued() {
        awaitPanel();
        assertThat(shown("#alertBanner")).as("no banner while every recovery goes as it should").isFalse();

        server.push(new QueueSnapshotChanged(Samples.queue(List.of(stranded(INCIDENT)), List.of())));

        Await.untilFx("the banner is up", () -> lookup("#alertBanner").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(text("#alertBanner")).isEqualTo("Alice Agent's call with Jane Doe: " + STRANDED_ALERT);
        assertThat(Await.onFx(() -> incidents().getItems().get(0).phaseProperty().get())).isEqualTo("Customer in no queue!");

        server.push(new QueueSnapshotChanged(Samples.queue(List.of(), List.of())));
        Await.untilFx("the banner goes once the customer is queued", () -> !lookup("#alertBanner").query().isVisible());
    }

    private static final String STRANDED_ALERT = "The customer is on the line in no queue: Twilio refused to queue them.";

    private static dev.lifeline.model.incident.IncidentView stranded(String id) {
        var pinging = Samples.incident(id, Phase.PINGING, 5);
        return new dev.lifeline.model.incident.IncidentView(id, pinging.conferenceSid(), Phase.STRANDED, 1,
                pinging.droppedWorkerSid(), pinging.droppedWorkerName(), pinging.customerLabel(), pinging.customerNumber(),
                pinging.remainingParties(), pinging.deadline(), pinging.pingDeadline(), pinging.phaseReachedAt(), null, 6,
                STRANDED_ALERT);
    }

    @Test
    void theLastHourShowsTimeToReconnectPercentilesAndABarPerOutcome() {
        awaitPanel();
        assertThat(text("#reconnectP50")).as("no recovery yet").isEqualTo("—");
        assertThat(text("#finishedLastHour")).isEqualTo("No recovery finished in the last hour");

        server.push(new QueueSnapshotChanged(Samples.queue(List.of(), List.of(), Samples.lastHour())));

        Await.untilFx("the figures arrive", () -> "4.2 s".equals(((Label) lookup("#reconnectP50").query()).getText()));
        assertThat(text("#reconnectP95")).isEqualTo("9.8 s");
        assertThat(text("#finishedLastHour")).isEqualTo("4 recoveries finished in the last hour");
        assertThat(bars()).containsExactly(Map.entry("Restored", 3), Map.entry("Requeued", 1), Map.entry("Customer left", 0),
                Map.entry("Expired", 0), Map.entry("Cancelled", 0));

        server.push(new QueueSnapshotChanged(Samples.queue(List.of(), List.of())));
        Await.untilFx("an hour without recoveries clears them", () -> "—".equals(((Label) lookup("#reconnectP50").query()).getText()));
        assertThat(text("#reconnectP95")).isEqualTo("—");
        assertThat(bars()).extracting(Map.Entry::getValue).containsOnly(0);
    }

    /** The chart's bars as drawn: category → value, in the chart's order. */
    @SuppressWarnings("unchecked")
    private List<Map.Entry<String, Integer>> bars() {
        return Await.onFx(() -> {
            BarChart<String, Number> chart = (BarChart<String, Number>) lookup("#outcomesChart").queryAs(BarChart.class);
            assertThat(chart.getData()).hasSize(1);
            return chart.getData().get(0).getData().stream()
                    .map(bar -> Map.entry(bar.getXValue(), bar.getYValue().intValue()))
                    .toList();
        });
    }

    @Test
    void queuesAndAgentsShowTheirNumbers() {
        awaitPanel();

        QueueRow support = Await.onFx(() -> (QueueRow) lookup("#queueTable").queryAs(TableView.class).getItems().get(0));
        assertThat(Await.onFx(() -> List.of(support.nameProperty().get(), support.waitingProperty().get(),
                support.longestWaitProperty().get(), support.availableProperty().get(), support.busyProperty().get(),
                support.offlineProperty().get()))).containsExactly("Support", 3, "0:42", 1, 2, 1);
        AgentRow carol = Await.onFx(() -> (AgentRow) lookup("#agentTable").queryAs(TableView.class).getItems().get(2));
        assertThat(Await.onFx(() -> List.of(carol.nameProperty().get(), carol.activityProperty().get(), carol.presenceProperty().get())))
                .containsExactly("Carol Chen", "Offline", "Gone");
    }
}
