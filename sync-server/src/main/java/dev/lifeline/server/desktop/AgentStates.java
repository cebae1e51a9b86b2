package dev.lifeline.server.desktop;

import dev.lifeline.model.agent.AgentView;
import dev.lifeline.model.auth.Role;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.queue.AgentWorkState;
import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.model.task.TaskView;
import dev.lifeline.server.auth.AgentDirectory;
import dev.lifeline.server.conference.ConferenceRecord;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.engine.RecoveryEngine;
import dev.lifeline.server.presence.PresenceRegistry;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.taskrouter.ReservationViews;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.twilio.ReservationState;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.WorkerState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one agent's whole state from where it lives — TaskRouter (activity, reservations, tasks), the conference
 * and incident maps, the presence map — for the snapshot a desktop gets first and for the supervisor panel.
 */
public final class AgentStates {

    private static final Set<String> OPEN = Set.of("pending", "accepted", "wrapping");

    private final TaskRouterGateway twilio;
    private final RecoveryEngine engine;
    private final DesktopHub hub;
    private final AgentDirectory agents;
    private final PresenceRegistry presence;
    private final Clock clock;

    public AgentStates(TaskRouterGateway twilio, RecoveryEngine engine, DesktopHub hub, AgentDirectory agents,
                       PresenceRegistry presence, Clock clock) {
        this.twilio = twilio;
        this.engine = engine;
        this.hub = hub;
        this.agents = agents;
        this.presence = presence;
        this.clock = clock;
    }

    /** An open reservation with its task, as TaskRouter reports them now. */
    public record OpenReservation(ReservationView reservation, TaskView task) {
    }

    public AgentView agentView(String identity, String workerSid) {
        return agentView(identity, workerSid, twilio.fetchWorker(workerSid));
    }

    /** The agent with a worker already fetched from TaskRouter. */
    public AgentView agentView(String identity, String workerSid, Optional<WorkerState> worker) {
        String activity = worker.map(WorkerState::activityName).filter(name -> !name.isBlank()).orElse("Offline");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        agents.user(identity).ifPresent(user -> roles.add(user.role()));
        return new AgentView(workerSid, identity, agents.displayName(identity), activity, presence.presence(identity),
                presence.lastHeartbeat(identity).orElse(null), roles);
    }

    public StateSnapshot snapshot(String identity, String workerSid) {
        AgentView agent = agentView(identity, workerSid);
        List<OpenReservation> open = openReservations(workerSid);
        IncidentView incident = openIncident(workerSid).map(i -> WireViews.incident(i, agents)).orElse(null);
        ConferenceView conference = conferenceOf(workerSid)
                .map(record -> WireViews.conference(record, hub.conferenceStartedAt(record.conferenceSid()), clock.instant()))
                .orElse(null);
        ReservationView pendingPing = open.stream().map(OpenReservation::reservation)
                .filter(r -> r.isPending() && r.isRecoveryPing()).findFirst().orElse(null);
        return new StateSnapshot(agent, open.stream().map(OpenReservation::reservation).toList(),
                open.stream().map(OpenReservation::task).distinct().toList(), conference, incident, pendingPing, clock.instant());
    }

    /** Pending, accepted and wrapping reservations of the worker with their tasks. */
    public List<OpenReservation> openReservations(String workerSid) {
        List<OpenReservation> result = new ArrayList<>();
        for (ReservationState reservation : twilio.workerReservations(workerSid)) {
            if (!OPEN.contains(reservation.status())) {
                continue;
            }
            Optional<TaskDetails> task = twilio.taskDetails(reservation.taskSid());
            if (task.isEmpty()) {
                continue;
            }
            TaskDetails details = task.get();
            ReservationView view = hub.views().view(reservation.sid(), reservation.taskSid(), workerSid,
                    ReservationViews.reservationStatus(reservation.status()).orElse(ReservationStatus.PENDING),
                    details.channel(), details.workflowSid(), details.queueName(), details.attributesJson(),
                    reservation.createdAt() != null ? reservation.createdAt() : clock.instant());
            TaskView taskView = new TaskView(details.sid(),
                    ReservationViews.taskStatus(details.assignmentStatus()).orElse(dev.lifeline.model.task.TaskStatus.PENDING),
                    view.channel(), details.priority(), TaskAttributesJson.read(details.attributesJson()).values(), details.ageSeconds());
            result.add(new OpenReservation(view, taskView));
        }
        return result;
    }

    public Optional<Incident> openIncident(String workerSid) {
        return engine.incidents().openIncidentsOf(workerSid).stream()
                .max(Comparator.comparingLong(Incident::version).thenComparing(Incident::attempt));
    }

    /** The conference the worker's leg is in right now. */
    public Optional<ConferenceRecord> conferenceOf(String workerSid) {
        return engine.conferences().withWorkerPresent(workerSid).stream()
                .filter(record -> !record.ended())
                .filter(record -> myLeg(record, workerSid).isPresent())
                .max(Comparator.comparingLong(ConferenceRecord::version));
    }

    /** The worker's present leg in the conference. */
    public static Optional<Participant> myLeg(ConferenceRecord record, String workerSid) {
        return record.participants().values().stream()
                .filter(p -> p.role() == PartyRole.WORKER && p.present() && p.worker() != null
                        && workerSid.equals(p.worker().workerSid()))
                .findFirst();
    }

    /** What the supervisor panel shows the agent doing. */
    public AgentWorkState workState(String workerSid, List<OpenReservation> open) {
        return workState(openIncident(workerSid).isPresent(), open);
    }

    /** The same, with whether the agent has an open incident already known (one query for every agent). */
    public AgentWorkState workState(boolean recovering, List<OpenReservation> open) {
        if (recovering) {
            return AgentWorkState.RECOVERING;
        }
        if (open.stream().anyMatch(r -> r.reservation().status() == ReservationStatus.ACCEPTED)) {
            return AgentWorkState.ON_CALL;
        }
        if (open.stream().anyMatch(r -> r.reservation().status() == ReservationStatus.WRAPPING)) {
            return AgentWorkState.WRAPPING;
        }
        if (open.stream().anyMatch(r -> r.reservation().status() == ReservationStatus.PENDING)) {
            return AgentWorkState.RINGING;
        }
        return AgentWorkState.IDLE;
    }
}
