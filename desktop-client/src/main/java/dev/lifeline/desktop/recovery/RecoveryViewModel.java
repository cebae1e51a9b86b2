package dev.lifeline.desktop.recovery;

import dev.lifeline.desktop.agent.AgentModel;
import dev.lifeline.desktop.ui.Durations;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Reconnecting modal's state. {@code open} is true while the agent's recovery incident is open; on every
 * terminal phase it turns false and {@code outcome} says how it ended ("Reconnected", "Customer returned to the
 * queue", …), which the view shows briefly before closing itself.
 */
public final class RecoveryViewModel {

    private final AgentModel model;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase", "");
    private final ReadOnlyStringWrapper countdownLabel = new ReadOnlyStringWrapper(this, "countdownLabel", "");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyStringWrapper remaining = new ReadOnlyStringWrapper(this, "remaining", "");

    public RecoveryViewModel(AgentModel model) {
        this.model = model;
        model.incidentProperty().addListener((obs, old, now) -> refresh(now));
        refresh(model.incidentProperty().get());
    }

    private void refresh(IncidentView incident) {
        if (incident == null) {
            if (open.get()) {
                // The incident vanished without a terminal phase reaching us (it ended while we were reconnecting).
                outcome.set("The reconnection is over");
                open.set(false);
            }
            return;
        }
        if (incident.isOpen()) {
            outcome.set("");
            phase.set(PhaseText.forAgent(incident.phase()));
            remaining.set(incident.remainingParties().isEmpty() ? ""
                    : "Waiting on hold: " + String.join(", ", incident.remainingParties()));
            tick(model.serverNow());
            open.set(true);
        } else {
            phase.set(PhaseText.forAgent(incident.phase()));
            outcome.set(PhaseText.forAgent(incident.phase()));
            countdownLabel.set("");
            countdown.set("");
            open.set(false);
        }
    }

    /** Called every second by the view with the server's clock. */
    public void tick(Instant serverNow) {
        IncidentView incident = model.incidentProperty().get();
        if (incident == null || !incident.isOpen()) {
            return;
        }
        headline.set(headline(incident, serverNow));
        boolean waitingForPing = incident.phase() == Phase.DETECTED || incident.phase() == Phase.PINGING;
        Instant until = waitingForPing && incident.pingDeadline() != null ? incident.pingDeadline() : incident.deadline();
        if (until == null) {
            countdownLabel.set("");
            countdown.set("");
        } else {
            countdownLabel.set(waitingForPing ? "Customer returns to the queue in" : "Giving up in");
            countdown.set(Durations.clock(Duration.ofSeconds(Durations.secondsLeft(Duration.between(serverNow, until)))));
        }
    }

    static String headline(IncidentView incident, Instant serverNow) {
        String who = incident.customerLabel() != null ? incident.customerLabel()
                : incident.customerNumber() != null ? incident.customerNumber() : "the customer";
        String withNumber = incident.customerLabel() != null && incident.customerNumber() != null
                && !incident.customerNumber().equals(incident.customerLabel())
                ? who + " (" + incident.customerNumber() + ")" : who;
        String ago = incident.reachedAt(Phase.DETECTED)
                .map(detected -> " " + Math.max(0, Duration.between(detected, serverNow).toSeconds()) + " s ago")
                .orElse("");
        String attempt = incident.attempt() > 1 ? " (drop " + incident.attempt() + " on this call)" : "";
        return "Your call with " + withNumber + " dropped" + ago + attempt;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownLabelProperty() {
        return countdownLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }
}
