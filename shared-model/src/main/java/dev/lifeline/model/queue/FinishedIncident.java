package dev.lifeline.model.queue;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.validation.Require;
import java.time.Duration;
import java.time.Instant;

/**
 * A recently finished recovery on the supervisor panel.
 *
 * @param incidentId        the incident id
 * @param droppedWorkerName who dropped; optional
 * @param customerLabel     the customer; optional
 * @param outcome           the terminal phase it ended in
 * @param outcomeText       a sentence for people; optional
 * @param finishedAt        when it reached the terminal phase
 * @param timeToReconnect   detection to {@link Phase#RESTORED}; {@code null} unless restored
 */
public record FinishedIncident(
        String incidentId,
        String droppedWorkerName,
        String customerLabel,
        Phase outcome,
        String outcomeText,
        Instant finishedAt,
        Duration timeToReconnect) {

    public FinishedIncident {
        Require.text(incidentId, "incidentId");
        Require.present(outcome, "outcome");
        if (!outcome.isTerminal()) {
            throw new IllegalArgumentException("outcome: must be a terminal phase but was " + outcome);
        }
        Require.present(finishedAt, "finishedAt");
        if (timeToReconnect != null && timeToReconnect.isNegative()) {
            throw new IllegalArgumentException("timeToReconnect: must not be negative but was " + timeToReconnect);
        }
    }
}
