package dev.lifeline.server.conference;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect;
import dev.lifeline.server.recovery.Effect.RedirectCustomerToEnqueue;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.RecoveryAttributes;
import dev.lifeline.server.recovery.RecoveryEvent;
import dev.lifeline.server.recovery.RecoveryEvent.DropDetected;
import dev.lifeline.server.recovery.RecoveryEvent.WorkerDroppedAgain;
import dev.lifeline.server.recovery.RecoveryPolicy;
import dev.lifeline.server.recovery.RecoveryStateMachine;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.recovery.Transition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent drops again: after the recovery finished (attempt 2), and while it is still moving parties.
 * Conference detection and the recovery state machine together, as the server wires them.
 */
class RepeatedDropTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final RecoveryPolicy POLICY = RecoveryPolicy.defaults("WWping", "https://t/announce.mp3",
            "https://t/hold.mp3");
    private static final String CUSTOMER = "CAcust";
    private final List<Effect> effects = new ArrayList<>();

    @Test
    void dropAfterRestoreIsAttemptTwoOfTheSameInteractionAndRecoversAgain() {
        Incident first = recoverFirstDrop(false);
        assertThat(first.phase()).isEqualTo(Phase.RESTORED);

        Calls cf2 = reconnectedConference(first);
        cf2.leave("CAalice2", LeaveReason.PARTICIPANT_HUNG_UP);

        DropDetected second = cf2.events(DropDetected.class).get(0);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.interactionId()).isEqualTo(first.interactionId());
        assertThat(second.previousIncidentId()).isEqualTo(first.incidentId());
        WorkerDroppedAgain again = cf2.events(WorkerDroppedAgain.class).get(0);
        assertThat(apply(first, again).next()).as("a restored incident stays as it was").isSameAs(first);

        Incident attempt2 = apply(null, second).next();
        attempt2 = apply(attempt2, new RecoveryEvent.PingTaskCreated("WTping2")).next();
        attempt2 = apply(attempt2, new RecoveryEvent.PingAccepted("WTping2")).next();
        attempt2 = apply(attempt2, new RecoveryEvent.ReconnectAccepted("WT3", "WR3", "WKalice", "CF3", "WT3")).next();

        assertThat(attempt2.phase()).isEqualTo(Phase.RESTORED);
        assertThat(attempt2.attempt()).isEqualTo(2);
        Effect.CompleteReservation freed = last(Effect.CompleteReservation.class);
        assertThat(freed.taskSid()).as("the reconnect task is the one now wrapping").isEqualTo("WT2");
        assertThat(freed.reservationSid()).isEqualTo("WR2");
    }

    @Test
    void secondAttemptsPingIsNotMistakenForAReconnect() {
        Incident first = recoverFirstDrop(false);
        Calls cf2 = reconnectedConference(first).leave("CAalice2", LeaveReason.PARTICIPANT_HUNG_UP);

        apply(null, cf2.events(DropDetected.class).get(0));

        TaskAttributes ping = last(Effect.CreatePingTask.class).attributes();
        assertThat(ping.has(RecoveryAttributes.IS_RECONNECT)).isFalse();
        assertThat(ping.has(RecoveryAttributes.TARGET_WORKER_SID)).isFalse();
        assertThat(ping.values()).containsEntry(RecoveryAttributes.LIFELINE_ATTEMPT, 2);
    }

    @Test
    void failedPingOnTheSecondAttemptDoesNotKeepTheFirstAttemptsTarget() {
        Incident first = recoverFirstDrop(false);
        Calls cf2 = reconnectedConference(first).leave("CAalice2", LeaveReason.PARTICIPANT_HUNG_UP);

        Incident attempt2 = apply(null, cf2.events(DropDetected.class).get(0)).next();
        attempt2 = apply(attempt2, new RecoveryEvent.PingTaskCreated("WTping2")).next();
        attempt2 = apply(attempt2, new RecoveryEvent.PingCanceled("WTping2", "Task TTL Exceeded")).next();

        assertThat(attempt2.phase()).isEqualTo(Phase.REQUEUED);
        RedirectCustomerToEnqueue requeue = last(RedirectCustomerToEnqueue.class);
        assertThat(requeue.attributes().has(RecoveryAttributes.TARGET_WORKER_SID)).isFalse();
        assertThat(requeue.workflowSid()).isEqualTo("WWsales");
    }

    @Test
    void reconnectedLegDroppingBeforeThePartiesMovedStillRecoversEveryone() {
        Incident first = recoverFirstDrop(true);
        assertThat(first.phase()).isEqualTo(Phase.RECONNECTED);

        Calls cf2 = reconnectedConference(first).leave("CAalice2", LeaveReason.PARTICIPANT_HUNG_UP);
        first = apply(first, cf2.events(WorkerDroppedAgain.class).get(0)).next();

        assertThat(first.phase()).isEqualTo(Phase.RECONNECTED);
        assertThat(first.supersededBy()).isEqualTo("CF2:CAalice2");
        assertThat(first.pendingEffects()).anySatisfy(effect -> assertThat(effect).isInstanceOf(Effect.MoveParty.class));

        Incident attempt2 = apply(null, cf2.events(DropDetected.class).get(0)).next();
        // The first attempt's move lands the third party in CF2, where the agent is gone again.
        first = apply(first, new RecoveryEvent.PartiesMoved()).next();
        cf2.join(Calls.THIRD_PARTY, false);
        attempt2 = apply(attempt2, cf2.events(RecoveryEvent.PartyJoined.class).get(0)).next();
        attempt2 = apply(attempt2, new RecoveryEvent.PingAccepted("WTping2")).next();
        attempt2 = apply(attempt2, new RecoveryEvent.ReconnectAccepted("WT3", "WR3", "WKalice", "CF3", "WT3")).next();

        assertThat(first.phase()).isEqualTo(Phase.RESTORED);
        assertThat(attempt2.phase()).isEqualTo(Phase.RECONNECTED);
        Effect.MoveParty move = last(Effect.MoveParty.class);
        assertThat(move.callSid()).isEqualTo(Calls.THIRD_PARTY);
        assertThat(move.fromConferenceSid()).isEqualTo("CF2");
        assertThat(move.toConferenceName()).isEqualTo("WT3");
    }

    /** CF1: customer + Alice (+ a third party); Alice drops; ping accepted; reconnect WT2 accepted into CF2. */
    private Incident recoverFirstDrop(boolean withThirdParty) {
        Calls cf1 = Calls.customerWithAlice();
        if (withThirdParty) {
            cf1.join(Calls.THIRD_PARTY, false);
        }
        cf1.leave(Calls.ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);
        Incident incident = apply(null, cf1.events(DropDetected.class).get(0)).next();
        incident = apply(incident, new RecoveryEvent.PingTaskCreated("WTping")).next();
        incident = apply(incident, new RecoveryEvent.PingAccepted("WTping")).next();
        incident = apply(incident, new RecoveryEvent.ReconnectEnteredQueue("WT2")).next();
        return apply(incident, new RecoveryEvent.ReconnectAccepted("WT2", "WR2", "WKalice", "CF2", "WT2")).next();
    }

    /** CF2 as the server sees it: the customer and Alice's new leg, registered with the reconnect task. */
    private Calls reconnectedConference(Incident first) {
        TaskAttributes reconnectTask = first.outbox().stream()
                .map(entry -> entry.effect())
                .filter(RedirectCustomerToEnqueue.class::isInstance)
                .map(effect -> ((RedirectCustomerToEnqueue) effect).attributes())
                .findFirst().orElseThrow();
        WorkerAssignment assignment = new WorkerAssignment("WKalice", "Alice", "WR2", "WT2",
                "WWsales", reconnectTask);
        return new Calls("CF2").join(CUSTOMER, true).join("CAalice2", false).register("CAalice2", assignment);
    }

    private Transition apply(Incident incident, RecoveryEvent event) {
        Transition transition = RecoveryStateMachine.apply(incident, event, NOW, POLICY);
        effects.addAll(transition.newEffects());
        return transition;
    }

    private <T extends Effect> T last(Class<T> type) {
        List<T> found = effects.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).isNotEmpty();
        return found.get(found.size() - 1);
    }
}
