package dev.lifeline.desktop.supervisor;

import dev.lifeline.desktop.recovery.PhaseText;
import dev.lifeline.desktop.ui.Durations;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A recovery in progress: agent, customer, phase, time since the drop and the countdown to the next deadline. */
public final class IncidentRow {

    private final String incidentId;
    private final ReadOnlyStringWrapper agent = new ReadOnlyStringWrapper(this, "agent");
    private final ReadOnlyStringWrapper customer = new ReadOnlyStringWrapper(this, "customer");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private IncidentView incident;

    IncidentRow(IncidentView incident) {
        this.incidentId = incident.incidentId();
        update(incident);
    }

    void update(IncidentView changed) {
        if (incident != null && changed.version() < incident.version()) {
            return;
        }
        incident = changed;
        agent.set(changed.droppedWorkerName() != null ? changed.droppedWorkerName() : changed.droppedWorkerSid());
        String who = changed.customerLabel() != null ? changed.customerLabel()
                : changed.customerNumber() != null ? changed.customerNumber() : "—";
        customer.set(who);
        phase.set(PhaseText.label(changed.phase()) + (changed.attempt() > 1 ? " (attempt " + changed.attempt() + ")" : ""));
    }

    void tick(Instant serverNow) {
        Instant detected = incident.reachedAt(Phase.DETECTED).orElse(null);
        elapsed.set(detected == null ? "" : Durations.clock(Duration.between(detected, serverNow)));
        boolean pinging = incident.phase() == Phase.DETECTED || incident.phase() == Phase.PINGING;
        // No deadline runs for a stranded customer: the safety net keeps trying until someone acts.
        Instant until = incident.phase() == Phase.STRANDED ? null
                : pinging && incident.pingDeadline() != null ? incident.pingDeadline() : incident.deadline();
        countdown.set(until == null ? "" : Durations.clock(Duration.ofSeconds(Durations.secondsLeft(Duration.between(serverNow, until)))));
    }

    public String incidentId() {
        return incidentId;
    }

    public IncidentView incident() {
        return incident;
    }

    public ReadOnlyStringProperty agentProperty() {
        return agent.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty customerProperty() {
        return customer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }
}
