package dev.lifeline.server.rebuild;

import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.twilio.ParticipantState;
import dev.lifeline.server.twilio.ReservationState;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.VoiceGateway;
import dev.lifeline.server.twilio.WorkerState;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads, through {@link VoiceGateway} and {@link TaskRouterGateway}, what Twilio's REST API holds of the recoveries and calls in progress:
 * the Recovery Ping tasks (every status, by the ping workflow), the active reconnect tasks, the in-progress
 * conferences and their participants. Three list requests per rebuild, one call fetch per missing incident, and
 * further reads only for the incidents whose customer is still on the line and the conferences that are missing.
 */
final class TwilioEvidence {

    private static final List<String> ACTIVE = List.of("pending", "reserved", "assigned", "wrapping");
    private static final Set<String> HELD = Set.of("accepted", "wrapping", "completed");

    private final VoiceGateway voice;
    private final TaskRouterGateway taskRouter;
    private final String pingWorkflowSid;

    TwilioEvidence(VoiceGateway voice, TaskRouterGateway taskRouter, String pingWorkflowSid) {
        this.voice = voice;
        this.taskRouter = taskRouter;
        this.pingWorkflowSid = pingWorkflowSid;
    }

    /** Evidence for every incident that has a Recovery Ping and whose id {@code wanted} accepts. */
    List<IncidentEvidence> incidents(Predicate<String> wanted) {
        Map<String, TaskDetails> pings = newestByIncident(taskRouter.tasks(pingWorkflowSid, List.of()));
        Map<String, TaskDetails> reconnects = newestByIncident(taskRouter.tasks(null, ACTIVE).stream()
                .filter(task -> Boolean.TRUE.equals(attributes(task).values().get(RecoveryAttributes.IS_RECONNECT)))
                .toList());
        return pings.entrySet().stream()
                .filter(entry -> wanted.test(entry.getKey()))
                .map(entry -> incident(entry.getKey(), entry.getValue(), reconnects.get(entry.getKey())))
                .toList();
    }

    private IncidentEvidence incident(String incidentId, TaskDetails ping, TaskDetails reconnect) {
        TaskAttributes recovery = attributes(ping);
        String customer = recovery.string(RecoveryAttributes.CALL_SID).orElse(null);
        if (customer == null || !"in-progress".equals(voice.callStatus(customer))) {
            // Long over (TaskRouter still lists finished pings for a while): one read, nothing to rebuild.
            return new IncidentEvidence(incidentId, recovery, recovery, fact(ping), null, null, List.of(), Set.of(), false);
        }
        String oldConference = recovery.string("disconnectedConferenceSid").orElse(null);
        TaskAttributes dropped = recovery.string("disconnectedTaskSid").flatMap(taskRouter::taskDetails)
                .map(task -> TaskAttributesJson.read(task.attributesJson())).orElse(recovery);
        IncidentEvidence.Acceptance acceptance = reconnect == null ? null : acceptance(reconnect.sid()).orElse(null);
        Set<String> inNewConference = acceptance == null || acceptance.newConferenceSid() == null ? Set.of()
                : voice.participants(acceptance.newConferenceSid()).stream().map(ParticipantState::callSid)
                        .collect(Collectors.toSet());
        // A supervisor listening in is no party to bring along (see PartyRole.SUPERVISOR).
        List<PartySnapshot> inOldConference = oldConference == null ? List.of() : voice.participants(oldConference).stream()
                .filter(party -> !dev.lifeline.server.conference.SupervisorLeg.isSupervisorLabel(party.label()))
                .map(party -> snapshot(party, customer)).toList();
        return new IncidentEvidence(incidentId, recovery, dropped, fact(ping), reconnect == null ? null : fact(reconnect),
                acceptance, inOldConference, inNewConference, true);
    }

    /** The reservation holding the task (accepted, wrapping or completed), with the conference named after the task. */
    private Optional<IncidentEvidence.Acceptance> acceptance(String taskSid) {
        return taskRouter.taskReservations(taskSid).stream()
                .filter(reservation -> HELD.contains(reservation.status()))
                .findFirst()
                .map(reservation -> new IncidentEvidence.Acceptance(reservation.sid(), reservation.workerSid(),
                        voice.conferenceSidByName(taskSid).orElse(null)));
    }

    /** True while the call is still a participant of the conference, by Twilio's own list. */
    boolean stillIn(String conferenceSid, String callSid) {
        return voice.participants(conferenceSid).stream().anyMatch(party -> party.callSid().equals(callSid));
    }

    /** Every in-progress conference whose SID {@code wanted} accepts, with what its record needs. */
    List<ConferenceEvidence> conferences(Predicate<String> wanted) {
        return voice.activeConferences().stream()
                .filter(conference -> wanted.test(conference.sid()))
                .map(conference -> conference(conference.sid(), conference.friendlyName()))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Empty for a conference TaskRouter did not make (its name is no task of the workspace): not ours. */
    private Optional<ConferenceEvidence> conference(String conferenceSid, String friendlyName) {
        List<ParticipantState> participants = voice.participants(conferenceSid);
        if (participants.isEmpty() || friendlyName == null || !friendlyName.startsWith("WT")) {
            return Optional.empty();
        }
        return taskRouter.taskDetails(friendlyName).map(task -> {
            TaskAttributes attributes = TaskAttributesJson.read(task.attributesJson());
            Optional<ReservationState> held = taskRouter.taskReservations(task.sid()).stream()
                    .filter(reservation -> HELD.contains(reservation.status())).findFirst();
            String identity = held.flatMap(reservation -> taskRouter.fetchWorker(reservation.workerSid()))
                    .map(WorkerState::friendlyName).orElse(null);
            WorkerAssignment worker = held.map(reservation -> new WorkerAssignment(reservation.workerSid(), identity,
                    reservation.sid(), task.sid(), task.workflowSid(), attributes)).orElse(null);
            return new ConferenceEvidence(conferenceSid, attributes.string(RecoveryAttributes.CALL_SID).orElse(null),
                    participants, worker, identity);
        });
    }

    /** An in-progress conference, its participants, and the agent holding the task it is named after. */
    record ConferenceEvidence(String conferenceSid, String customerCallSid, List<ParticipantState> participants,
                              WorkerAssignment worker, String workerIdentity) {
    }

    private static PartySnapshot snapshot(ParticipantState party, String customer) {
        PartyRole role = party.callSid().equals(customer) ? PartyRole.CUSTOMER : PartyRole.EXTERNAL;
        return new PartySnapshot(party.callSid(), role, party.label(), party.hold(), party.muted(), party.endConferenceOnExit());
    }

    private static Map<String, TaskDetails> newestByIncident(List<TaskDetails> tasks) {
        Map<String, TaskDetails> newest = new LinkedHashMap<>();
        tasks.stream()
                .sorted(Comparator.comparing(TaskDetails::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(task -> attributes(task).string(RecoveryAttributes.LIFELINE_INCIDENT)
                        .ifPresent(incidentId -> newest.put(incidentId, task)));
        return newest;
    }

    private static IncidentEvidence.TaskFact fact(TaskDetails task) {
        boolean targeted = attributes(task).string(RecoveryAttributes.TARGET_WORKER_SID).isPresent();
        return new IncidentEvidence.TaskFact(task.sid(), task.assignmentStatus(), targeted);
    }

    private static TaskAttributes attributes(TaskDetails task) {
        return TaskAttributesJson.read(task.attributesJson());
    }
}
