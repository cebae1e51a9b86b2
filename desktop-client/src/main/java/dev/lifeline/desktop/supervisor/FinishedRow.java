package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.recovery.PhaseText;
import dev.lifeline.desktop.ui.Durations;
import dev.lifeline.model.queue.FinishedIncident;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A recently finished recovery: outcome, time-to-reconnect and when it finished (local time). */
public final class FinishedRow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final String incidentId;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper agent = new ReadOnlyStringWrapper(this, "agent");
    private final ReadOnlyStringWrapper customer = new ReadOnlyStringWrapper(this, "customer");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome");
    private final ReadOnlyStringWrapper timeToReconnect = new ReadOnlyStringWrapper(this, "timeToReconnect");
    private final ReadOnlyStringWrapper finishedAt = new ReadOnlyStringWrapper(this, "finishedAt");

    FinishedRow(FinishedIncident finished, ZoneId zone) {
        this.incidentId = finished.incidentId();
        this.zone = zone;
        update(finished);
    }

    void update(FinishedIncident finished) {
        agent.set(finished.droppedWorkerName() != null ? finished.droppedWorkerName() : "—");
        customer.set(finished.customerLabel() != null ? finished.customerLabel() : "—");
        outcome.set(finished.outcomeText() != null ? finished.outcomeText() : PhaseText.label(finished.outcome()));
        timeToReconnect.set(finished.timeToReconnect() == null ? "—" : Durations.tenths(finished.timeToReconnect()));
        finishedAt.set(TIME.format(finished.finishedAt().atZone(zone)));
    }

    public String incidentId() {
        return incidentId;
    }

    public ReadOnlyStringProperty agentProperty() {
        return agent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty customerProperty() {
        return customer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeToReconnectProperty() {
        return timeToReconnect.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty finishedAtProperty() {
        return finishedAt.getReadOnlyProperty();
    }
}
