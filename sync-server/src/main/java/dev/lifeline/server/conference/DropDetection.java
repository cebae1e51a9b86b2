package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.DroppedWorker;
import dev.lifeline.server.recovery.IncidentIds;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.TaskAttributes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The "Detect" rule of the architecture: a registered agent leg left, not gracefully, not because the
 * conference was ending or its call was redirected, the customer is still there, no other agent is, and
 * the conference has not ended. Only the LAST agent triggers a recovery; with another agent still on the
 * call native behaviour applies (seed §3.1 step 5).
 */
public final class DropDetection {

    private DropDetection() {
    }

    /**
     * The drop a record already shows: its recovering incident's agent leg, gone without a graceful mark. Used to
     * re-open an incident whose record was lost with its partition before it left any trace at Twilio (before its
     * Recovery Ping existed), while the conference record survived on another member.
     *
     * @return the events the drop produced, empty when the record names no such leg
     */
    public static List<RecoveryEvent> redetect(ConferenceRecord record) {
        String incidentId = record.recoveringIncidentId();
        // An agent leg present again (a rejoined agent) means that drop is over, whatever became of its incident.
        if (incidentId == null || record.ended() || !record.customerPresent()
                || record.participants().values().stream().anyMatch(Participant::isPresentWorker)) {
            return List.of();
        }
        return record.participants().values().stream()
                .filter(p -> p.role() == PartyRole.WORKER && p.worker() != null && !p.present() && !p.leftGracefully())
                .filter(p -> IncidentIds.incidentId(record.conferenceSid(), p.callSid()).equals(incidentId))
                .findFirst()
                .map(dropped -> events(dropped, record))
                .orElse(List.of());
    }

    static boolean isDrop(Participant before, ConferenceCallback leave, ConferenceRecord after) {
        return before.present()
                && before.role() == PartyRole.WORKER
                && before.worker() != null
                && !before.leftGracefully()
                && (leave.reason().mayBeADrop() || endedForSilence(before, leave))
                && !after.ended()
                && after.customerPresent()
                && after.participants().values().stream().noneMatch(Participant::isPresentWorker);
    }

    /**
     * The server itself ended this leg through the REST API because the agent's desktop went silent (a ghost leg that
     * Twilio would keep for an undocumented time): Twilio reports that as {@code participant_updated_via_api}, which is
     * otherwise a redirect, never a drop.
     */
    private static boolean endedForSilence(Participant before, ConferenceCallback leave) {
        return before.endedForSilence() && leave.reason() == LeaveReason.PARTICIPANT_UPDATED_VIA_API;
    }

    /**
     * The events for the incident store. When the dropped agent's task was itself a reconnect, its attributes
     * name the previous incident, and this drop is the next attempt of the same interaction.
     */
    static List<RecoveryEvent> events(Participant dropped, ConferenceRecord after) {
        WorkerAssignment worker = dropped.worker();
        TaskAttributes attributes = worker.taskAttributes();
        String incidentId = IncidentIds.incidentId(after.conferenceSid(), dropped.callSid());
        String previousIncidentId = attributes.string(RecoveryAttributes.LIFELINE_INCIDENT).orElse(null);
        String interactionId = attributes.string(RecoveryAttributes.LIFELINE_INTERACTION).orElse(incidentId);
        int attempt = attributes.number(RecoveryAttributes.LIFELINE_ATTEMPT).map(n -> n.intValue() + 1).orElse(1);
        // A supervisor listening in is not a party of the call: the recovery neither holds, moves nor restores it.
        List<PartySnapshot> remaining = after.participants().values().stream()
                .filter(p -> p.present() && p.role() != PartyRole.SUPERVISOR)
                .sorted(Comparator.comparing(Participant::callSid))
                .map(Participant::snapshot)
                .toList();
        DroppedWorker droppedWorker = new DroppedWorker(worker.workerSid(), worker.workerName(), dropped.callSid(),
                worker.taskSid(), worker.reservationSid(), worker.workflowSid(), attributes);

        List<RecoveryEvent> events = new ArrayList<>();
        events.add(new RecoveryEvent.DropDetected(incidentId, interactionId, attempt, previousIncidentId,
                after.conferenceSid(), droppedWorker, after.customerCallSid(), remaining));
        if (previousIncidentId != null && !previousIncidentId.equals(incidentId)) {
            events.add(new RecoveryEvent.WorkerDroppedAgain(previousIncidentId, incidentId, dropped.callSid()));
        }
        return events;
    }
}
