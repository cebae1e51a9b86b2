package dev.lifeline.model.command;

import dev.lifeline.model.validation.Require;

/**
 * {@code cancel-incident}: a supervisor stops a recovery; the customer goes back to the queue. Agents get 403.
 *
 * @param incidentId the incident to cancel
 * @param reason     why, for the incident's outcome text; optional
 */
public record CancelIncident(String incidentId, String reason) implements ClientCommand {

    public CancelIncident {
        Require.text(incidentId, "incidentId");
        reason = Require.optionalText(reason, "reason");
    }
}
