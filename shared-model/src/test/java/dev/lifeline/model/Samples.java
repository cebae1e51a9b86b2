package dev.lifeline.model;

import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.agent.AgentPresence;
import dev.lifeline.model.agent.AgentView;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.EventsTicket;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.RefreshResponse;
import dev.lifeline.model.auth.DeviceList;
import dev.lifeline.model.auth.DeviceSession;
import dev.lifeline.model.auth.ResumeCredential;
import dev.lifeline.model.auth.ResumeRequest;
import dev.lifeline.model.auth.RevokeDevice;
import dev.lifeline.model.auth.Role;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.CancelIncident;
import dev.lifeline.model.command.CompleteTask;
import dev.lifeline.model.command.HangUp;
import dev.lifeline.model.command.Heartbeat;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.RejectReservation;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.command.UnholdParticipant;
import dev.lifeline.model.command.WrapUpTask;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.conference.ParticipantView;
import dev.lifeline.model.event.ActivityChanged;
import dev.lifeline.model.event.ConferenceChanged;
import dev.lifeline.model.event.IncidentChanged;
import dev.lifeline.model.event.ProblemReported;
import dev.lifeline.model.event.QueueSnapshotChanged;
import dev.lifeline.model.event.ReservationChanged;
import dev.lifeline.model.event.ReservationOffered;
import dev.lifeline.model.event.ReservationRescinded;
import dev.lifeline.model.event.SessionExpiring;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.event.TaskChanged;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.model.queue.AgentStatus;
import dev.lifeline.model.queue.AgentWorkState;
import dev.lifeline.model.queue.FinishedIncident;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.queue.QueueService;
import dev.lifeline.model.queue.QueueStats;
import dev.lifeline.model.queue.RecoveryStatistics;
import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.model.softphone.SoftphoneAccount;
import dev.lifeline.model.task.TaskStatus;
import dev.lifeline.model.task.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One realistic instance of every wire record, filled in completely (no optional field left null) so a round trip
 * exercises every member. Tests check this list is complete, so a new contract cannot ship without a sample.
 */
public final class Samples {

    public static final Instant T0 = Instant.parse("2026-11-25T21:00:00Z");
    public static final String WORKER = "WK0000000000000000000000000000a11c";
    public static final String TASK = "WT00000000000000000000000000000001";
    public static final String RESERVATION = "WR00000000000000000000000000000001";
    public static final String CONFERENCE = "CF00000000000000000000000000000001";
    public static final String CUSTOMER_CALL = "CA000000000000000000000000000c0001";
    public static final String AGENT_CALL = "CA000000000000000000000000000a0001";
    public static final String INCIDENT = CONFERENCE + ":" + AGENT_CALL;

    private Samples() {
    }

    public static AgentView agent() {
        return new AgentView(WORKER, "alice", "Alice Agent", "Available", AgentPresence.ONLINE, T0.minusSeconds(3),
                Set.of(Role.AGENT));
    }

    public static ReservationView reservation() {
        return new ReservationView(RESERVATION, TASK, WORKER, ReservationStatus.PENDING, "voice", "Jane Doe",
                "+15551230001", "Support", T0, T0.plusSeconds(15), false, false, null);
    }

    public static ReservationView pingReservation() {
        return new ReservationView("WR00000000000000000000000000000002", "WT00000000000000000000000000000002",
                WORKER, ReservationStatus.PENDING, "voice", "Jane Doe", "+15551230001", "Recovery Ping",
                T0.plusSeconds(2), T0.plusSeconds(17), true, false, INCIDENT);
    }

    public static TaskView task() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("call_sid", CUSTOMER_CALL);
        attributes.put("from", "+15551230001");
        attributes.put("isReconnect", false);
        attributes.put("attempt", 1);
        attributes.put("routing", Map.of("skills", List.of("english", "billing")));
        attributes.put("notes", null);
        return new TaskView(TASK, TaskStatus.ASSIGNED, "voice", 50, attributes, 42);
    }

    public static ConferenceView conference() {
        return new ConferenceView(CONFERENCE, TASK, List.of(
                new ParticipantView(CUSTOMER_CALL, ParticipantRole.CUSTOMER, "customer", "Jane Doe", false, false, true),
                new ParticipantView(AGENT_CALL, ParticipantRole.WORKER, "worker", "Alice Agent", false, true, false)),
                T0, T0.plusSeconds(300));
    }

    public static IncidentView incident() {
        Map<Phase, Instant> reached = new LinkedHashMap<>();
        reached.put(Phase.DETECTED, T0);
        reached.put(Phase.PINGING, T0.plusMillis(800));
        return new IncidentView(INCIDENT, CONFERENCE, Phase.PINGING, 1, WORKER, "Alice Agent", "Jane Doe",
                "+15551230001", List.of("customer", "interpreter"), T0.plusSeconds(120), T0.plusSeconds(15), reached,
                "Waiting for Alice's desktop", 3);
    }

    public static QueueSnapshot queueSnapshot() {
        return new QueueSnapshot(T0,
                List.of(new QueueStats("Support", "WQ00000000000000000000000000000001", 2, 37, 1, 3, 4, queueService())),
                List.of(new AgentStatus(agent(), AgentWorkState.RECOVERING, T0)),
                List.of(incident()),
                List.of(new FinishedIncident("CF2:CA2", "Bob Agent", "John Roe", Phase.RESTORED,
                        "Reconnected to Bob", T0.minusSeconds(60), Duration.ofMillis(9_250))),
                new RecoveryStatistics(T0.minus(QueueSnapshot.STATISTICS_WINDOW),
                        Map.of(Phase.RESTORED, 3, Phase.REQUEUED, 1), Duration.ofMillis(4_200), Duration.ofMillis(9_250)));
    }

    /** Issue 19: a queue's last half hour (3 answered, 2 in time, 1 abandoned). */
    public static QueueService queueService() {
        return new QueueService(Duration.ofMinutes(30), 20, 3, 2, 1, Duration.ofSeconds(14), Duration.ofSeconds(45));
    }

    public static Problem problem() {
        return new Problem(Problem.INVALID_REQUEST, "Invalid request", 400, "reservationSid: missing required field",
                "/api/reservations/WR1/accept", Map.of("reservationSid", "missing required field"));
    }

    /** Every server event, one each. */
    public static List<Object> serverEvents() {
        return List.of(
                new StateSnapshot(agent(), List.of(reservation(), pingReservation()), List.of(task()), conference(),
                        incident(), pingReservation(), T0),
                new ReservationOffered(reservation()),
                new ReservationChanged(reservation()),
                new ReservationRescinded(RESERVATION, ReservationStatus.TIMEOUT),
                new TaskChanged(task()),
                new ConferenceChanged(conference()),
                new IncidentChanged(incident()),
                new QueueSnapshotChanged(queueSnapshot()),
                new ActivityChanged(agent()),
                new SessionExpiring(T0.plusSeconds(600)),
                new ProblemReported(problem()));
    }

    /** Every client command, one each. */
    public static List<Object> clientCommands() {
        return List.of(
                new AcceptReservation(RESERVATION),
                new RejectReservation(RESERVATION),
                new HangUp(CONFERENCE, TASK),
                new HoldParticipant(CONFERENCE, CUSTOMER_CALL),
                new UnholdParticipant(CONFERENCE, CUSTOMER_CALL),
                new MuteParticipant(CONFERENCE, AGENT_CALL, true),
                new WrapUpTask(TASK),
                new CompleteTask(TASK),
                new SetActivity(Activity.BREAK),
                new Heartbeat(T0.plusMillis(1234)),
                new CancelIncident(INCIDENT, "Customer asked for a callback"),
                new dev.lifeline.model.command.PhoneReady(INCIDENT),
                new dev.lifeline.model.command.LegAbandoned(AGENT_CALL),
                dev.lifeline.model.command.AddParty.number(CONFERENCE, "+15551230002"),
                new dev.lifeline.model.command.RemoveParty(CONFERENCE, CUSTOMER_CALL),
                dev.lifeline.model.command.TransferCall.toAgent(CONFERENCE, "bob", true),
                new dev.lifeline.model.command.CompleteTransfer(CONFERENCE),
                new dev.lifeline.model.command.CancelTransfer(CONFERENCE));
    }

    /** Every other wire record: views, snapshot parts, auth contracts, the problem body. */
    public static List<Object> otherRecords() {
        return List.of(
                agent(), reservation(), task(), conference(), conference().participants().get(0), incident(),
                queueSnapshot(), queueSnapshot().queues().get(0), queueSnapshot().agents().get(0),
                queueSnapshot().recentlyFinished().get(0), queueSnapshot().statistics(), problem(),
                new LoginRequest("alice", "s3cret!"),
                new LoginResponse("eyJhbGciOiJIUzI1NiJ9.e30.sig", T0.plusSeconds(900), Role.AGENT, "alice", WORKER),
                new LoginResponse("eyJhbGciOiJIUzI1NiJ9.e30.sig", T0.plusSeconds(900), Role.AGENT, "alice", WORKER,
                        T0.plusSeconds(43_200)),
                new RefreshResponse("eyJhbGciOiJIUzI1NiJ9.e30.sig2", T0.plusSeconds(1800)),
                new RefreshResponse("eyJhbGciOiJIUzI1NiJ9.e30.sig2", T0.plusSeconds(1800), T0.plusSeconds(43_200)),
                new EventsTicket("tkt-0123456789", T0.plusSeconds(30)),
                new LoginRequest("alice", "s3cret!", "6f1c2a4e-0b7d-4e43-9a52-5d2f1f3c9e10", "alice-laptop"),
                new LoginResponse("eyJhbGciOiJIUzI1NiJ9.e30.sig", T0.plusSeconds(900), Role.AGENT, "alice", WORKER,
                        T0.plusSeconds(43_200), new ResumeCredential("c2VjcmV0LWNyZWRlbnRpYWwtMDEyMzQ1Njc4OTAxMjM", T0.plusSeconds(2_592_000))),
                new ResumeCredential("c2VjcmV0LWNyZWRlbnRpYWwtMDEyMzQ1Njc4OTAxMjM", T0.plusSeconds(2_592_000)),
                new ResumeRequest("6f1c2a4e-0b7d-4e43-9a52-5d2f1f3c9e10", "c2VjcmV0LWNyZWRlbnRpYWwtMDEyMzQ1Njc4OTAxMjM"),
                new DeviceList("alice", List.of(new DeviceSession("6f1c2a4e-0b7d-4e43-9a52-5d2f1f3c9e10", "alice-laptop",
                        T0, T0.plusSeconds(3600), T0.plusSeconds(2_592_000)))),
                new DeviceSession("6f1c2a4e-0b7d-4e43-9a52-5d2f1f3c9e10", null, T0, T0, T0.plusSeconds(2_592_000)),
                new RevokeDevice("6f1c2a4e-0b7d-4e43-9a52-5d2f1f3c9e10"),
                new SoftphoneAccount("sip:alice@lifeline.sip.twilio.com", "alice", "IWasAtSignal2018",
                        "lifeline.sip.twilio.com", 5060, SoftphoneAccount.UDP),
                new dev.lifeline.model.outbound.PlaceCall("+15551230002"),
                new dev.lifeline.model.outbound.CallPlaced("WT0123456789abcdef0123456789abcdef",
                        "CF0123456789abcdef0123456789abcdef", "CA0123456789abcdef0123456789abcdef"),
                // Issue 20: callbacks.
                new dev.lifeline.model.callbacks.ScheduleCallback("+15551230002", "billing question", "2026-12-07T09:30",
                        "Europe/London"),
                new dev.lifeline.model.callbacks.ScheduleCallback("+15551230002", "", "2026-12-07T09:30:00+01:00", null),
                new dev.lifeline.model.callbacks.CallbackList(List.of(new dev.lifeline.model.callbacks.CallbackView(
                        "0b7d4e43-9a52-5d2f-1f3c-9e106f1c2a4e", "+15551230002", "billing question", T0,
                        T0.plusSeconds(86_400), "Europe/London", 50, "alice", "FAILED",
                        List.of(new dev.lifeline.model.callbacks.CallbackView.Attempt(1, T0.plusSeconds(86_400), "busy")),
                        "no answer after 3 attempts"))),
                new dev.lifeline.model.callbacks.CallbackView("0b7d4e43-9a52-5d2f-1f3c-9e106f1c2a4e", "+15551230002", "",
                        T0, T0.plusSeconds(60), "UTC", 50, null, "SCHEDULED", List.of(), null),
                new dev.lifeline.model.callbacks.CallbackView.Attempt(2, T0.plusSeconds(300), null),
                // Issue 19: a queue's service figures.
                queueService());
    }
}
