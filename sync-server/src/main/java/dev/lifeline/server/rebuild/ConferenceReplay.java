package dev.lifeline.server.rebuild;

import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.conference.SupervisorLeg;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.twilio.ParticipantState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the record of an in-progress conference from Twilio's participant list and the TaskRouter task the
 * conference is named after: the customer is the task's {@code call_sid}, the agent leg is the participant labelled
 * with the identity of the worker holding the task's reservation (the label the server gives it on accept), and
 * that leg is registered with the worker's assignment — which is what lets a later drop of it open an incident.
 * No I/O.
 */
final class ConferenceReplay {

    private ConferenceReplay() {
    }

    /**
     * @param worker         the assignment of the agent who accepted the task, or {@code null} if none did
     * @param workerIdentity that agent's identity (its leg's label)
     * @param recoveringIncidentId the open incident of this conference, if one was rebuilt or survived
     */
    static ConferenceRecord rebuild(String conferenceSid, String customerCallSid, List<ParticipantState> inConference,
                                    WorkerAssignment worker, String workerIdentity, String recoveringIncidentId) {
        Map<String, Participant> participants = new LinkedHashMap<>();
        for (ParticipantState party : inConference) {
            boolean isWorker = worker != null && workerIdentity != null && workerIdentity.equals(party.label())
                    && !party.callSid().equals(customerCallSid);
            PartyRole role = party.callSid().equals(customerCallSid) ? PartyRole.CUSTOMER
                    : isWorker ? PartyRole.WORKER
                    : SupervisorLeg.isSupervisorLabel(party.label()) ? PartyRole.SUPERVISOR : PartyRole.EXTERNAL;
            // Sequence -1: every callback Twilio sends from now on is newer than what the rebuilt record knows.
            participants.put(party.callSid(), new Participant(party.callSid(), role, party.label(), isWorker ? worker : null,
                    party.hold(), party.muted(), party.endConferenceOnExit(), true, false, false, -1, false));
        }
        // Version 0, the lowest: wherever a surviving copy meets this one (a merge), the survivor is the newer.
        return new ConferenceRecord(conferenceSid, customerCallSid, participants, false, -1, recoveringIncidentId, 0);
    }
}
