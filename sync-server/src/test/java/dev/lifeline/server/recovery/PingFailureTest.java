package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect.CancelTask;
import dev.lifeline.server.recovery.Effect.CompleteReservation;
import dev.lifeline.server.recovery.Effect.MoveParty;
import dev.lifeline.server.recovery.Effect.RedirectCustomerToEnqueue;
import dev.lifeline.server.recovery.RecoveryEvent.DeadlinePassed;
import dev.lifeline.server.recovery.RecoveryEvent.PingCanceled;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.lifeline.server.recovery.Fixtures.ALICE;
import static dev.lifeline.server.recovery.Fixtures.PING_TASK;
import static dev.lifeline.server.recovery.Fixtures.WORKFLOW;
import static org.assertj.core.api.Assertions.assertThat;

class PingFailureTest {

    private static final PingCanceled TTL_EXCEEDED = new PingCanceled(PING_TASK, "Task TTL Exceeded");

    @Test
    void pingTimeoutRequeuesTheCustomerOnTheOriginalWorkflowAtElevatedPriorityWithoutATarget() {
        Scenario s = Scenario.twoParty().pinging().apply(TTL_EXCEEDED);

        assertThat(s.phase()).isEqualTo(Phase.REQUEUED);
        RedirectCustomerToEnqueue redirect = s.only(RedirectCustomerToEnqueue.class);
        assertThat(redirect.workflowSid()).isEqualTo(WORKFLOW);
        assertThat(redirect.priority()).isEqualTo(1000);
        assertThat(redirect.attributes().has(RecoveryAttributes.TARGET_WORKER_SID)).isFalse();
        assertThat(redirect.attributes().values()).containsEntry(RecoveryAttributes.IS_RECONNECT, true);
    }

    @Test
    void pingTimeoutFreesTheAgentAndClosesTheModal() {
        Scenario s = Scenario.twoParty().pinging().apply(TTL_EXCEEDED);

        assertThat(s.only(CompleteReservation.class).reservationSid()).isEqualTo(Fixtures.RESERVATION);
        assertThat(s.phasesToldTo(ALICE)).endsWith(Phase.REQUEUED);
    }

    @Test
    void watchdogRequeuesWhenTaskRoutersCancelNeverArrives() {
        Scenario s = Scenario.twoParty().pinging().after(Duration.ofSeconds(25))
                .apply(new DeadlinePassed(Fixtures.T0.plusSeconds(25)));

        assertThat(s.phase()).isEqualTo(Phase.REQUEUED);
        assertThat(s.only(CancelTask.class).taskSid()).isEqualTo(PING_TASK);
        assertThat(s.all(RedirectCustomerToEnqueue.class)).hasSize(1);
    }

    @Test
    void watchdogGivesTaskRouterTheGracePeriodBeforeRequeueing() {
        Scenario s = Scenario.twoParty().pinging();
        Incident pinging = s.incident();

        s.apply(new DeadlinePassed(Fixtures.T0.plusSeconds(16)));

        assertThat(s.incident()).isSameAs(pinging);
        assertThat(s.lastEffects()).isEmpty();
    }

    @Test
    void lateTtlCancelAfterTheWatchdogRequeuedChangesNothing() {
        Scenario s = Scenario.twoParty().pinging().apply(new DeadlinePassed(Fixtures.T0.plusSeconds(30)));
        Incident requeued = s.incident();

        s.apply(TTL_EXCEEDED);

        assertThat(s.incident()).isSameAs(requeued);
    }

    @Test
    void pingThatCouldNotBeCreatedRequeuesTheCustomerAtOnce() {
        Scenario s = Scenario.twoParty();
        String createPing = s.only(Effect.CreatePingTask.class).effectId();

        s.apply(new RecoveryEvent.EffectFailedPermanently(createPing, "workflow not found"));

        assertThat(s.phase()).isEqualTo(Phase.REQUEUED);
        assertThat(s.all(RedirectCustomerToEnqueue.class)).hasSize(1);
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
    }

    @Test
    void cancelOfSomeOtherPingTaskIsIgnored() {
        Scenario s = Scenario.twoParty().pinging();
        Incident pinging = s.incident();

        s.apply(new PingCanceled("WTsomeoneElsesPing", "Task TTL Exceeded"));

        assertThat(s.incident()).isSameAs(pinging);
    }

    @Test
    void requeuedCustomerAcceptedByAnotherAgentStillGetsTheThirdPartyBack() {
        Scenario s = Scenario.threeParty().pinging().apply(TTL_EXCEEDED)
                .apply(Fixtures.reconnectAcceptedBy(Fixtures.BOB));

        assertThat(s.phase()).isEqualTo(Phase.REQUEUED);
        assertThat(s.only(MoveParty.class).callSid()).isEqualTo(Fixtures.THIRD_PARTY);
        assertThat(s.incident().reconnectWorkerSid()).isEqualTo(Fixtures.BOB);
    }
}
