package dev.lifeline.server.taskrouter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.DroppedWorker;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.recovery.RecoveryStateMachine;
import dev.lifeline.server.recovery.TaskAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a requeued customer's task still carries {@code lifelineIncident} and {@code isReconnect}; only the
 * reconnect for the returning agent may be flagged as one (the desktop accepts those without a click).
 */
class RecoveryReservationFlagsTest {

    private static final String ALICE = "WKalice";
    private static final String BOB = "WKbob";
    private static final String INCIDENT = "CF1:CAalice";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final RecoveryPolicy POLICY = RecoveryPolicy.defaults("WWping", "https://t/announce.mp3", "https://t/hold.mp3");

    /** The task the customer's {@code <Enqueue>} created: the incident's marker, isReconnect, maybe a target. */
    private static TaskAttributes customerTask(String targetWorkerSidOrNull) {
        return TaskAttributes.of(Map.of("call_sid", "CAcust", "from", "+15550100",
                        RecoveryAttributes.LIFELINE_INCIDENT, INCIDENT, RecoveryAttributes.IS_RECONNECT, true))
                .with(RecoveryAttributes.TARGET_WORKER_SID, targetWorkerSidOrNull);
    }

    private static Incident incident(RecoveryEvent... events) {
        Incident incident = RecoveryStateMachine.apply(null, new RecoveryEvent.DropDetected(INCIDENT, null, 1, null, "CF1",
                new DroppedWorker(ALICE, "Alice", "CAalice", "WT1", "WR1", "WWvoice", TaskAttributes.empty()), "CAcust",
                List.of(new PartySnapshot("CAcust", PartyRole.CUSTOMER, "customer", false, false, true))), T0, POLICY).next();
        for (RecoveryEvent event : events) {
            incident = RecoveryStateMachine.apply(incident, event, T0, POLICY).next();
        }
        return incident;
    }

    private static Incident reconnectEnqueued() {
        return incident(new RecoveryEvent.PingTaskCreated("WTping"), new RecoveryEvent.PingAccepted("WTping"));
    }

    private static Incident requeued() {
        return incident(new RecoveryEvent.PingTaskCreated("WTping"), new RecoveryEvent.PingCanceled("WTping", "Task TTL Exceeded"));
    }

    private static RecoveryReservationFlags flags(TaskAttributes task, String workerSid, Incident incidentNow) {
        return RecoveryReservationFlags.of(task, workerSid, false, id -> Optional.ofNullable(incidentNow)
                .filter(known -> known.incidentId().equals(id)));
    }

    @Test
    void theTargetedReconnectOfferedToTheReturningAgentIsTheirReconnect() {
        Incident waiting = reconnectEnqueued();
        assertThat(waiting.phase()).isEqualTo(Phase.RECONNECT_ENQUEUED);

        RecoveryReservationFlags flags = flags(customerTask(ALICE), ALICE, waiting);

        assertThat(flags.reconnect()).isTrue();
        assertThat(flags.ping()).isFalse();
        assertThat(flags.incidentId()).isEqualTo(INCIDENT);
    }

    @Test
    void aRequeuedCustomerOfferedToAnotherAgentIsOrdinaryWork() {
        RecoveryReservationFlags flags = flags(customerTask(null), BOB, requeued());

        assertThat(flags.reconnect()).isFalse();
        assertThat(flags.ping()).isFalse();
        assertThat(flags.incidentId()).as("the link stays for reporting").isEqualTo(INCIDENT);
    }

    @Test
    void aRequeuedCustomerOfferedBackToTheDroppedAgentIsOrdinaryWorkToo() {
        Incident requeued = requeued();
        assertThat(requeued.phase()).isEqualTo(Phase.REQUEUED);

        assertThat(flags(customerTask(null), ALICE, requeued).reconnect()).isFalse();
    }

    @Test
    void theTargetedReconnectIsNoLongerAutomaticOnceTheIncidentClosed() {
        Incident cancelled = incident(new RecoveryEvent.PingTaskCreated("WTping"), new RecoveryEvent.PingAccepted("WTping"),
                new RecoveryEvent.CancelledBySupervisor("sam"));
        assertThat(cancelled.phase()).isEqualTo(Phase.CANCELLED);

        assertThat(flags(customerTask(ALICE), ALICE, cancelled).reconnect()).isFalse();
    }

    @Test
    void aReconnectTargetingTheDroppedAgentButOfferedToSomeoneElseIsOrdinaryWork() {
        assertThat(flags(customerTask(ALICE), BOB, reconnectEnqueued()).reconnect()).isFalse();
    }

    @Test
    void anUntargetedTaskOfAWaitingIncidentIsNotTheReconnect() {
        assertThat(flags(customerTask(null), ALICE, reconnectEnqueued()).reconnect()).isFalse();
    }

    @Test
    void aReconnectOfAnIncidentThisServerDoesNotKnowIsOrdinaryWork() {
        assertThat(flags(customerTask(ALICE), ALICE, null).reconnect()).isFalse();
    }

    @Test
    void theRecoveryPingIsFlaggedFromItsAttributesAndWorkflow() {
        TaskAttributes ping = TaskAttributes.of(Map.of(RecoveryAttributes.LIFELINE_INCIDENT, INCIDENT,
                "disconnectedWorkerSid", ALICE));

        RecoveryReservationFlags flags = RecoveryReservationFlags.of(ping, ALICE, true, id -> Optional.empty());

        assertThat(flags.ping()).isTrue();
        assertThat(flags.reconnect()).isFalse();
    }

    @Test
    void aTaskWithoutAnIncidentIsOrdinaryWork() {
        assertThat(RecoveryReservationFlags.of(TaskAttributes.of(Map.of("call_sid", "CA9")), BOB, false, id -> Optional.empty()))
                .isEqualTo(RecoveryReservationFlags.ORDINARY);
    }
}
