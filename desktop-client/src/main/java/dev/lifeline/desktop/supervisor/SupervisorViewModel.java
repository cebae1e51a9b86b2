package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.connection.CommandSender;
import dev.lifeline.desktop.connection.ConnectionState;
import dev.lifeline.desktop.ui.Failures;
import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.command.CancelIncident;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.queue.FinishedIncident;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.queue.QueueStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The supervisor's live queue panel. Each pushed {@link QueueSnapshot} is merged into long-lived rows
 * ({@link RowSync}) so tables keep their selection; {@link #tick(Instant)} advances elapsed times and countdowns
 * between pushes.
 */
public final class SupervisorViewModel {

    private final CommandSender server;
    private final UiExecutor ui;
    private final Clock clock;
    private final ZoneId zone;
    private final ObservableList<QueueRow> queues = FXCollections.observableArrayList();
    private final ObservableList<AgentRow> agents = FXCollections.observableArrayList();
    private final ObservableList<IncidentRow> incidents = FXCollections.observableArrayList();
    private final ObservableList<FinishedRow> finished = FXCollections.observableArrayList();
    private final RecoveryStatisticsViewModel statistics = new RecoveryStatisticsViewModel();
    private final QueueWaitHistory waitHistory = new QueueWaitHistory();
    private final ReadOnlyStringWrapper updatedAt = new ReadOnlyStringWrapper(this, "updatedAt", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper alert = new ReadOnlyStringWrapper(this, "alert", "");
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(this, "connection", ConnectionState.CONNECTING);
    private volatile Duration serverClockAhead = Duration.ZERO;

    public SupervisorViewModel(CommandSender server, UiExecutor ui, Clock clock, ZoneId zone) {
        this.server = server;
        this.ui = ui;
        this.clock = clock;
        this.zone = zone;
    }

    public void apply(QueueSnapshot snapshot) {
        serverClockAhead = Duration.between(clock.instant(), snapshot.takenAt());
        RowSync.sync(queues, snapshot.queues(), QueueStats::queueSid, QueueRow::queueSid, QueueRow::new, QueueRow::update);
        RowSync.sync(agents, snapshot.agents(), a -> a.agent().workerSid(), AgentRow::workerSid, AgentRow::new, AgentRow::update);
        RowSync.sync(incidents, snapshot.incidentsInProgress(), IncidentView::incidentId, IncidentRow::incidentId,
                IncidentRow::new, IncidentRow::update);
        RowSync.sync(finished, snapshot.recentlyFinished(), FinishedIncident::incidentId, FinishedRow::incidentId,
                f -> new FinishedRow(f, zone), FinishedRow::update);
        statistics.apply(snapshot.statistics());
        waitHistory.record(snapshot.takenAt(), snapshot.queues());
        updatedAt.set("Updated " + java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(snapshot.takenAt().atZone(zone)));
        alert.set(alertOf(snapshot));
        tick(snapshot.takenAt());
    }

    /**
     * The banner: recoveries in which a step failed for good, stranded customers first (they are on the line in no
     * queue), each with the agent it was; empty when every recovery is going as it should.
     */
    static String alertOf(QueueSnapshot snapshot) {
        return snapshot.incidentsInProgress().stream()
                .filter(incident -> incident.alert() != null)
                .sorted(java.util.Comparator.comparing((IncidentView incident) -> incident.phase() != Phase.STRANDED))
                .map(incident -> (incident.droppedWorkerName() != null ? incident.droppedWorkerName() : incident.droppedWorkerSid())
                        + "'s call with " + customerOf(incident) + ": " + incident.alert())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String customerOf(IncidentView incident) {
        return incident.customerLabel() != null ? incident.customerLabel()
                : incident.customerNumber() != null ? incident.customerNumber() : "the customer";
    }

    public void tick(Instant serverNow) {
        agents.forEach(row -> row.tick(serverNow));
        incidents.forEach(row -> row.tick(serverNow));
    }

    public Instant serverNow() {
        return clock.instant().plus(serverClockAhead);
    }

    /** Cancels a recovery; the customer goes back to the queue. */
    public void cancel(IncidentRow row) {
        if (row == null) {
            return;
        }
        status.set("Cancelling the recovery for " + row.agentProperty().get() + "…");
        server.send(new CancelIncident(row.incidentId(), "cancelled by a supervisor")).whenComplete((ok, failure) ->
                ui.execute(() -> status.set(failure == null ? "Recovery cancelled; the customer goes back to the queue."
                        : "Could not cancel: " + Failures.text(failure))));
    }

    public void connectionState(ConnectionState state) {
        connection.set(state);
    }

    public ObservableList<QueueRow> queues() {
        return queues;
    }

    public ObservableList<AgentRow> agents() {
        return agents;
    }

    public ObservableList<IncidentRow> incidents() {
        return incidents;
    }

    public ObservableList<FinishedRow> finished() {
        return finished;
    }

    /** The last hour's figures and chart. */
    public RecoveryStatisticsViewModel statistics() {
        return statistics;
    }

    /** Each queue's wait over the last 30 minutes, for the chart. */
    public QueueWaitHistory waitHistory() {
        return waitHistory;
    }

    public ReadOnlyStringProperty updatedAtProperty() {
        return updatedAt.getReadOnlyProperty();
    }

    /** What went wrong in recoveries in progress, for the banner above the tables; empty when nothing did. */
    public ReadOnlyStringProperty alertProperty() {
        return alert.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }
}
