package dev.lifeline.server.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.DroppedWorker;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.recovery.RecoveryStateMachine;
import dev.lifeline.server.recovery.TaskAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The replay is checked against the live state machine: an incident is driven the way the engine drives it, the
 * Twilio state it leaves behind (the ping task's attributes, task statuses) becomes the evidence, and the rebuilt
 * incident must stand where the lost one stood, with nothing Twilio already did asked for again.
 */
class IncidentReplayTest {

    private static final Instant DROP = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant NOW = DROP.plusSeconds(5);
    private static final RecoveryPolicy POLICY = RecoveryPolicy.defaults("WWping", "https://lifeline.test/announce.mp3",
            "https://lifeline.test/hold.mp3");
    private static final String CUSTOMER = "CAcust";
    private static final String PING = "WTping";
    private static final PartySnapshot CUSTOMER_PARTY = new PartySnapshot(CUSTOMER, PartyRole.CUSTOMER, "customer", false, false, true);

    /** The incident as the engine holds it while pinging, every effect performed. */
    private final Incident live = pinging();
    private final TaskAttributes pingAttributes = live.outbox().stream().map(entry -> entry.effect())
            .filter(Effect.CreatePingTask.class::isInstance).map(Effect.CreatePingTask.class::cast)
            .findFirst().orElseThrow().attributes();

    @Test
    void aPingingIncidentComesBackPingingWithoutAnnouncingOrPingingAgain() {
        Incident rebuilt = replay(evidence(task(PING, "reserved", false), null, true)).orElseThrow();

        assertThat(rebuilt.phase()).isEqualTo(Phase.PINGING);
        assertThat(rebuilt.pingTaskSid()).isEqualTo(PING);
        assertThat(rebuilt.droppedWorker()).isEqualTo(live.droppedWorker());
        assertThat(rebuilt.customerCallSid()).isEqualTo(CUSTOMER);
        assertThat(rebuilt.deadline()).isEqualTo(live.deadline());
        assertThat(rebuilt.pingDeadline()).isEqualTo(live.pingDeadline());
        assertThat(pendingUnrepeatableEffects(rebuilt)).isEmpty();
    }

    @Test
    void anAcceptedPingWhoseReconnectIsQueuedComesBackEnqueuedWithoutASecondRedirect() {
        Incident rebuilt = replay(evidence(task(PING, "completed", false), task("WTreconnect", "pending", true), true))
                .orElseThrow();

        assertThat(rebuilt.phase()).isEqualTo(Phase.RECONNECT_ENQUEUED);
        assertThat(rebuilt.reconnectTaskSid()).isEqualTo("WTreconnect");
        assertThat(pendingUnrepeatableEffects(rebuilt)).noneMatch(Effect.RedirectCustomerToEnqueue.class::isInstance);
    }

    @Test
    void aPingThatRanOutBeforeTheRequeueComesBackRequeueingTheCustomer() {
        Incident rebuilt = replay(evidence(task(PING, "canceled", false), null, true)).orElseThrow();

        assertThat(rebuilt.phase()).isEqualTo(Phase.REQUEUED);
        assertThat(pendingUnrepeatableEffects(rebuilt)).anyMatch(effect -> effect instanceof Effect.RedirectCustomerToEnqueue redirect
                && redirect.callSid().equals(CUSTOMER));
    }

    @Test
    void anIncidentWhoseCustomerHungUpIsNotRebuilt() {
        assertThat(replay(evidence(task(PING, "reserved", false), null, false))).isEmpty();
    }

    @Test
    void aTaskWithoutTheDropSnapshotIsRefusedWithAClearError() {
        IncidentEvidence bare = new IncidentEvidence(live.incidentId(), TaskAttributes.of(Map.of("call_sid", CUSTOMER)),
                TaskAttributes.empty(), task(PING, "reserved", false), null, null, List.of(), Set.of(), true);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replay(bare))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disconnectedWorkerSid");
    }

    private static Incident pinging() {
        DroppedWorker alice = new DroppedWorker("WKalice", "alice", "CAalice", "WT1", "WR1", "WWvoice",
                TaskAttributes.of(Map.of("call_sid", CUSTOMER)));
        Incident incident = RecoveryStateMachine.apply(null, new RecoveryEvent.DropDetected("CF1:CAalice", null, 1, null, "CF1",
                alice, CUSTOMER, List.of(CUSTOMER_PARTY)), DROP, POLICY).next();
        for (Effect effect : incident.pendingEffects()) {
            String outcome = effect instanceof Effect.CreatePingTask ? PING : "done";
            incident = RecoveryStateMachine.apply(incident, new RecoveryEvent.EffectCompleted(effect.effectId(), outcome), DROP, POLICY).next();
        }
        return incident;
    }

    private IncidentEvidence evidence(IncidentEvidence.TaskFact ping, IncidentEvidence.TaskFact reconnect, boolean customerOnTheLine) {
        return new IncidentEvidence(live.incidentId(), pingAttributes, live.droppedWorker().taskAttributes(), ping, reconnect,
                null, List.of(CUSTOMER_PARTY), Set.of(), customerOnTheLine);
    }

    private static IncidentEvidence.TaskFact task(String sid, String status, boolean targeted) {
        return new IncidentEvidence.TaskFact(sid, status, targeted);
    }

    private static Optional<Incident> replay(IncidentEvidence evidence) {
        return IncidentReplay.replay(evidence, POLICY, NOW);
    }

    /** Pending effects that would do harm if performed twice (completing and merging are safe to repeat). */
    private static List<Effect> pendingUnrepeatableEffects(Incident incident) {
        return incident.pendingEffects().stream().filter(effect -> !(effect instanceof Effect.NotifyAgent))
                .filter(effect -> !(effect instanceof Effect.CompleteReservation) && !(effect instanceof Effect.CompleteTask)
                        && !(effect instanceof Effect.MergeTaskAttributes))
                .toList();
    }
}
