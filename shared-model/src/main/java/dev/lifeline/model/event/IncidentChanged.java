package dev.lifeline.model.event;

import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.validation.Require;

/**
 * {@code incident-changed}: a recovery incident moved to another phase (or its deadline moved). The dropped
 * agent's desktop opens or updates the Reconnecting modal, and closes it on a terminal phase; supervisors see it
 * on the panel. Drop a view whose {@code version} is lower than the one already shown.
 */
public record IncidentChanged(IncidentView incident) implements ServerEvent {

    public IncidentChanged {
        Require.present(incident, "incident");
    }
}
