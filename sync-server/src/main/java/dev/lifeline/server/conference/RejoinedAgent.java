package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.IncidentIds;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.TaskAttributes;

import java.util.Objects;
import java.util.Optional;

/**
 * Strategy {@code rejoin}: the server dials a dropped agent back into the conference under recovery with the label of
 * their dropped leg (their identity). A new leg carrying that label is the agent back on the call, not a party to bring
 * along: it is registered as the agent's leg with the same task and reservation, and its attributes name the incident
 * it ended, so that a drop of this leg in turn is the next attempt of the same interaction.
 */
final class RejoinedAgent {

    private RejoinedAgent() {
    }

    /** The dropped agent leg of the recovering incident whose label {@code label} is, if the record has one. */
    static Optional<Participant> droppedLegLabelled(ConferenceRecord record, String recoveringIncidentId, String label) {
        if (recoveringIncidentId == null || label == null) {
            return Optional.empty();
        }
        return record.participants().values().stream()
                .filter(p -> p.role() == PartyRole.WORKER && p.worker() != null && !p.present() && !p.leftGracefully())
                .filter(p -> label.equals(p.label()))
                .filter(p -> IncidentIds.incidentId(record.conferenceSid(), p.callSid()).equals(recoveringIncidentId))
                .findFirst();
    }

    /** The dropped leg's assignment, for the leg that rejoined in its place during {@code incidentId}. */
    static WorkerAssignment assignmentAfter(Participant dropped, String incidentId) {
        WorkerAssignment worker = Objects.requireNonNull(dropped.worker(), "worker");
        TaskAttributes attributes = worker.taskAttributes();
        String interactionId = attributes.string(RecoveryAttributes.LIFELINE_INTERACTION).orElse(incidentId);
        long attempt = attributes.number(RecoveryAttributes.LIFELINE_ATTEMPT).map(n -> n + 1).orElse(1L);
        TaskAttributes marked = attributes
                .with(RecoveryAttributes.LIFELINE_INCIDENT, incidentId)
                .with(RecoveryAttributes.LIFELINE_INTERACTION, interactionId)
                .with(RecoveryAttributes.LIFELINE_ATTEMPT, attempt);
        return new WorkerAssignment(worker.workerSid(), worker.workerName(), worker.reservationSid(), worker.taskSid(),
                worker.workflowSid(), marked);
    }
}
