package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;

import java.io.Serializable;
import java.time.Instant;

/**
 * What an agent's desktop is told about an incident: enough for the Reconnecting modal (phase, countdown,
 * who dropped and when) and for the agent who receives somebody else's reconnect ("X dropped N ago").
 */
public record IncidentView(
        String incidentId,
        String interactionId,
        int attempt,
        Phase phase,
        String droppedWorkerSid,
        String droppedWorkerName,
        String originalTaskSid,
        String customerCallSid,
        String reconnectWorkerSid,
        Instant detectedAt,
        Instant deadline,
        String supersededBy,
        long version) implements Serializable {

    static IncidentView of(Incident incident) {
        return new IncidentView(
                incident.incidentId(),
                incident.interactionId(),
                incident.attempt(),
                incident.phase(),
                incident.droppedWorker().workerSid(),
                incident.droppedWorker().workerName(),
                incident.droppedWorker().taskSid(),
                incident.customerCallSid(),
                incident.reconnectWorkerSid(),
                incident.timestamps().get(Phase.DETECTED),
                incident.deadline(),
                incident.supersededBy(),
                incident.version());
    }
}
