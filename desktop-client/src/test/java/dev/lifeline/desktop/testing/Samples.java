package dev.lifeline.desktop.testing;

import dev.lifeline.model.agent.AgentPresence;
import dev.lifeline.model.agent.AgentView;
import dev.lifeline.model.auth.Role;
import dev.lifeline.model.conference.ConferenceView;
import dev.lifeline.model.conference.ParticipantRole;
import dev.lifeline.model.conference.ParticipantView;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.incident.IncidentView;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.queue.AgentStatus;
import dev.lifeline.model.queue.AgentWorkState;
import dev.lifeline.model.queue.FinishedIncident;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.queue.RecoveryStatistics;
import dev.lifeline.model.queue.QueueStats;
import dev.lifeline.model.reservation.ReservationStatus;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.model.softphone.SoftphoneAccount;
import dev.lifeline.model.task.TaskStatus;
import dev.lifeline.model.task.TaskView;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Wire objects for tests, in the shapes a real server sends. */
public final class Samples {

    public static final String WORKER = "WK0000000000000000000000000000alice";
    public static final String CUSTOMER_NUMBER = "+15550100";
    /** Alice's SIP account as the server hands it over (the recording softphone takes it without registering). */
    public static final SoftphoneAccount SIP_ACCOUNT = new SoftphoneAccount("sip:alice@lifeline.sip.twilio.com", "alice",
            "DeskPhone2026x", "127.0.0.1", 5060, SoftphoneAccount.UDP);

    private Samples() {
    }

    public static AgentView alice(String activity) {
        return new AgentView(WORKER, "alice", "Alice Agent", activity, AgentPresence.ONLINE, Instant.now(), Set.of(Role.AGENT));
    }

    public static StateSnapshot idle() {
        return new StateSnapshot(alice("Available"), List.of(), List.of(), null, null, null, Instant.now());
    }

    public static StateSnapshot withIncident(IncidentView incident) {
        return new StateSnapshot(alice("Available"), List.of(), List.of(wrappingTask("WT1")), null, incident, null, Instant.now());
    }

    public static ReservationView offer(String reservationSid, String taskSid) {
        Instant now = Instant.now();
        return new ReservationView(reservationSid, taskSid, WORKER, ReservationStatus.PENDING, "voice", "Jane Doe",
                CUSTOMER_NUMBER, "Support", now, now.plusSeconds(30), false, false, null);
    }

    public static ReservationView accepted(ReservationView offer) {
        return new ReservationView(offer.reservationSid(), offer.taskSid(), offer.workerSid(), ReservationStatus.ACCEPTED,
                offer.channel(), offer.customerLabel(), offer.customerNumber(), offer.queueName(), offer.createdAt(),
                offer.ringDeadline(), offer.isRecoveryPing(), offer.isReconnect(), offer.incidentId());
    }

    public static ReservationView recoveryPing(String reservationSid, String incidentId) {
        Instant now = Instant.now();
        return new ReservationView(reservationSid, "WTping", WORKER, ReservationStatus.PENDING, "voice", null, null,
                "Recovery", now, now.plusSeconds(15), true, false, incidentId);
    }

    public static ReservationView reconnect(String reservationSid, String incidentId) {
        Instant now = Instant.now();
        return new ReservationView(reservationSid, "WTreconnect", WORKER, ReservationStatus.PENDING, "voice", "Jane Doe",
                CUSTOMER_NUMBER, "Support", now, now.plusSeconds(30), false, true, incidentId);
    }

    public static TaskView wrappingTask(String taskSid) {
        return new TaskView(taskSid, TaskStatus.WRAPPING, "voice", 0, Map.of("customerLabel", "Jane Doe"), 60);
    }

    public static ConferenceView call(String conferenceSid, String taskSid, boolean customerOnHold, boolean agentMuted) {
        return new ConferenceView(conferenceSid, taskSid, List.of(
                new ParticipantView("CAcustomer", ParticipantRole.CUSTOMER, "customer", "Jane Doe", customerOnHold, false, true),
                new ParticipantView("CAagent", ParticipantRole.WORKER, "worker", "Alice Agent", false, agentMuted, false)),
                Instant.now().minusSeconds(75), null);
    }

    public static ConferenceView ended(ConferenceView conference) {
        return new ConferenceView(conference.conferenceSid(), conference.taskSid(), List.of(), conference.startedAt(), Instant.now());
    }

    public static IncidentView incident(String id, Phase phase, long version) {
        Instant detected = Instant.now().minusSeconds(12);
        Map<Phase, Instant> reached = new EnumMap<>(Phase.class);
        reached.put(Phase.DETECTED, detected);
        if (phase != Phase.DETECTED) {
            reached.put(phase, Instant.now());
        }
        return new IncidentView(id, "CF1", phase, 1, WORKER, "Alice Agent", "Jane Doe", CUSTOMER_NUMBER,
                List.of("Jane Doe"), detected.plusSeconds(120), detected.plusSeconds(27), reached,
                phase.isTerminal() ? "done" : null, version);
    }

    public static QueueSnapshot queue(List<IncidentView> inProgress, List<FinishedIncident> finished) {
        return queue(inProgress, finished, null);
    }

    /** As {@link #queue(List, List)}, with the last hour's statistics ({@code null}: none sent). */
    public static QueueSnapshot queue(List<IncidentView> inProgress, List<FinishedIncident> finished,
                                      RecoveryStatistics lastHour) {
        Instant now = Instant.now();
        return new QueueSnapshot(now,
                List.of(new QueueStats("Support", "WQ1", 3, 42, 1, 2, 1), new QueueStats("Sales", "WQ2", 0, 0, 2, 0, 0)),
                List.of(new AgentStatus(alice("Available"), inProgress.isEmpty() ? AgentWorkState.ON_CALL : AgentWorkState.RECOVERING,
                                now.minusSeconds(95), inProgress.isEmpty() ? "CF1" : null),
                        new AgentStatus(new AgentView("WKbob", "bob", "Bob Builder", "Available", AgentPresence.ONLINE, now,
                                Set.of(Role.AGENT)), AgentWorkState.IDLE, now.minusSeconds(300)),
                        new AgentStatus(new AgentView("WKcarol", "carol", "Carol Chen", "Offline", AgentPresence.GONE, null,
                                Set.of(Role.AGENT)), AgentWorkState.IDLE, null)),
                inProgress, finished, lastHour);
    }

    /** A last hour of 3 restored recoveries (p50 4.2 s, p95 9.8 s) and 1 requeued. */
    public static RecoveryStatistics lastHour() {
        return new RecoveryStatistics(Instant.now().minus(QueueSnapshot.STATISTICS_WINDOW),
                Map.of(Phase.RESTORED, 3, Phase.REQUEUED, 1), Duration.ofMillis(4_200), Duration.ofMillis(9_800));
    }

    public static FinishedIncident restored(String id) {
        return new FinishedIncident(id, "Alice Agent", "Jane Doe", Phase.RESTORED, "Reconnected to Alice Agent",
                Instant.now(), Duration.ofMillis(8400));
    }

    // --- issue 19: queues with their service figures ---------------------------------------------------------------

    /**
     * A snapshot taken at {@code takenAt} whose Support queue's oldest caller has waited {@code supportLongestWait} s and
     * which served 4 callers in its window: 3 answered (2 within 20 s, average 0:17), 1 abandoned; a new caller would
     * wait about 0:45. Sales has no figures to go by.
     */
    public static QueueSnapshot queueWithService(Instant takenAt, long supportLongestWait) {
        QueueSnapshot base = queue(List.of(), List.of());
        return new QueueSnapshot(takenAt, List.of(
                new QueueStats("Support", "WQ1", 3, supportLongestWait, 1, 2, 1, new dev.lifeline.model.queue.QueueService(
                        Duration.ofMinutes(30), 20, 3, 2, 1, Duration.ofMillis(17_500), Duration.ofSeconds(45))),
                new QueueStats("Sales", "WQ2", 0, 0, 2, 0, 0, new dev.lifeline.model.queue.QueueService(
                        Duration.ofMinutes(30), 20, 0, 0, 0, null, null))),
                base.agents(), List.of(), List.of(), null);
    }
}
