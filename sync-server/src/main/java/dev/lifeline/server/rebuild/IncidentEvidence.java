package dev.lifeline.server.rebuild;

import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.TaskAttributes;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What Twilio's REST API still shows of one incident whose record was lost: its Recovery Ping and reconnect
 * tasks (which carry the {@code lifelineIncident} marker and the {@code disconnected*} snapshot of the dropped
 * agent), the interrupted task's attributes, who is in the old and the new conference, and whether the customer
 * is still on the line. {@link IncidentReplay} turns it back into an incident.
 *
 * @param recoveryAttributes   the ping's (or else the reconnect's) attributes
 * @param droppedTaskAttributes the interrupted task's current attributes
 * @param ping                 the Recovery Ping task, or {@code null} when TaskRouter no longer lists it
 * @param reconnect            the newest reconnect ({@code isReconnect}) task of the incident, or {@code null}
 * @param reconnectAcceptance  who accepted the reconnect task, once someone did, or {@code null}
 * @param partiesInOldConference everyone in the interrupted conference now, as snapshots
 * @param callsInNewConference call SIDs already in the reconnect's conference
 * @param customerOnTheLine    the customer's call is {@code in-progress}
 */
record IncidentEvidence(
        String incidentId,
        TaskAttributes recoveryAttributes,
        TaskAttributes droppedTaskAttributes,
        TaskFact ping,
        TaskFact reconnect,
        Acceptance reconnectAcceptance,
        List<PartySnapshot> partiesInOldConference,
        Set<String> callsInNewConference,
        boolean customerOnTheLine) {

    IncidentEvidence {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(recoveryAttributes, "recoveryAttributes");
        Objects.requireNonNull(droppedTaskAttributes, "droppedTaskAttributes");
        partiesInOldConference = List.copyOf(partiesInOldConference);
        callsInNewConference = Set.copyOf(callsInNewConference);
    }

    /** A task as TaskRouter lists it. */
    record TaskFact(String sid, String assignmentStatus, boolean targeted) {

        boolean waiting() {
            return "pending".equals(assignmentStatus) || "reserved".equals(assignmentStatus);
        }

        /** Accepted at some point: assigned, then wrapping, then completed. */
        boolean accepted() {
            return "assigned".equals(assignmentStatus) || "wrapping".equals(assignmentStatus)
                    || "completed".equals(assignmentStatus);
        }

        boolean canceled() {
            return "canceled".equals(assignmentStatus);
        }
    }

    /** The reservation that took the reconnect task, and the conference TaskRouter made for it. */
    record Acceptance(String reservationSid, String workerSid, String newConferenceSid) {
    }
}
