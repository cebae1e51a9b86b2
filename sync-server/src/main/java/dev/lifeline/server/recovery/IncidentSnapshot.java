package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;

import java.io.Serializable;
import java.time.Instant;

/**
 * The incident as it stood at the version an agent notification belongs to: {@link Effect.NotifyAgent} carries it, so
 * the outbox records which phase and version each notification was about. Not what the desktop receives: that is
 * shared-model's {@code IncidentView}, built from the incident as it is when the notification is sent.
 */
public record IncidentSnapshot(
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

    static IncidentSnapshot of(Incident incident) {
        return new IncidentSnapshot(
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
