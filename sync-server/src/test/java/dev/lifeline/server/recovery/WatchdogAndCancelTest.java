package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect.CancelTask;
import dev.lifeline.server.recovery.Effect.CompleteReservation;
import dev.lifeline.server.recovery.Effect.RedirectCustomerToEnqueue;
import dev.lifeline.server.recovery.RecoveryEvent.CancelledBySupervisor;
import dev.lifeline.server.recovery.RecoveryEvent.DeadlinePassed;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.lifeline.server.recovery.Fixtures.ALICE;
import static dev.lifeline.server.recovery.Fixtures.PING_TASK;
import static dev.lifeline.server.recovery.Fixtures.RECONNECT_TASK;
import static org.assertj.core.api.Assertions.assertThat;

class WatchdogAndCancelTest {

    private static final Instant PAST_DEADLINE = Fixtures.T0.plusSeconds(121);

    @Test
    void stalledPingExpiresAndTheCustomerIsRequeuedNotDropped() {
        // DETECTED: the ping was never created (TaskRouter unreachable), the ping deadline is past too.
        Scenario s = Scenario.twoParty().apply(new DeadlinePassed(PAST_DEADLINE));

        assertThat(s.phase()).isEqualTo(Phase.EXPIRED);
        RedirectCustomerToEnqueue redirect = s.only(RedirectCustomerToEnqueue.class);
        assertThat(redirect.attributes().has(RecoveryAttributes.TARGET_WORKER_SID)).isFalse();
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
        assertThat(s.phasesToldTo(ALICE)).endsWith(Phase.EXPIRED);
    }

    @Test
    void stalledTargetedReconnectIsReplacedByAnUntargetedOne() {
        Scenario s = Scenario.twoParty().reconnectQueued().apply(new DeadlinePassed(PAST_DEADLINE));

        assertThat(s.phase()).isEqualTo(Phase.EXPIRED);
        assertThat(s.only(CancelTask.class).taskSid()).isEqualTo(RECONNECT_TASK);
        assertThat(s.all(RedirectCustomerToEnqueue.class)).hasSize(2);
        RedirectCustomerToEnqueue requeue = s.last(RedirectCustomerToEnqueue.class).get(0);
        assertThat(requeue.attributes().has(RecoveryAttributes.TARGET_WORKER_SID)).isFalse();
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
    }

    @Test
    void stalledPartyMoveExpiresWithoutRequeueingACustomerWhoIsWithAnAgent() {
        Scenario s = Scenario.threeParty().reconnected().apply(new DeadlinePassed(PAST_DEADLINE));

        assertThat(s.phase()).isEqualTo(Phase.EXPIRED);
        assertThat(s.all(RedirectCustomerToEnqueue.class)).hasSize(1);
        assertThat(s.phasesToldTo(ALICE)).endsWith(Phase.EXPIRED);
    }

    @Test
    void watchdogBeforeTheDeadlineChangesNothing() {
        Scenario s = Scenario.twoParty().reconnectQueued();
        Incident enqueued = s.incident();

        s.apply(new DeadlinePassed(Fixtures.T0.plusSeconds(119)));

        assertThat(s.incident()).isSameAs(enqueued);
    }

    @Test
    void watchdogNeverTouchesAFinishedIncident() {
        Scenario s = Scenario.twoParty().reconnected();
        Incident restored = s.incident();

        s.apply(new DeadlinePassed(PAST_DEADLINE.plusSeconds(3600)));

        assertThat(s.incident()).isSameAs(restored);
    }

    @Test
    void supervisorCancelSendsTheCustomerToTheQueueAndFreesTheAgent() {
        Scenario s = Scenario.twoParty().pinging().apply(new CancelledBySupervisor("sam"));

        assertThat(s.phase()).isEqualTo(Phase.CANCELLED);
        assertThat(s.only(CancelTask.class).taskSid()).isEqualTo(PING_TASK);
        assertThat(s.only(RedirectCustomerToEnqueue.class).priority()).isEqualTo(1000);
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
        assertThat(s.phasesToldTo(ALICE)).endsWith(Phase.CANCELLED);
    }

    @Test
    void supervisorCancelOfAFinishedIncidentChangesNothing() {
        Scenario s = Scenario.twoParty().pinging().apply(new RecoveryEvent.PingCanceled(PING_TASK, "Task TTL Exceeded"));
        Incident requeued = s.incident();

        s.apply(new CancelledBySupervisor("sam"));

        assertThat(s.incident()).isSameAs(requeued);
    }
}
