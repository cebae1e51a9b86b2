package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect.CompleteReservation;
import dev.lifeline.server.recovery.RecoveryEvent.CancelledBySupervisor;
import dev.lifeline.server.recovery.RecoveryEvent.CustomerLeft;
import dev.lifeline.server.recovery.RecoveryEvent.DeadlinePassed;
import dev.lifeline.server.recovery.RecoveryEvent.PingCanceled;
import org.junit.jupiter.api.Test;

import static dev.lifeline.server.recovery.Fixtures.ALICE;
import static dev.lifeline.server.recovery.Fixtures.CUSTOMER;
import static dev.lifeline.server.recovery.Fixtures.PING_TASK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: an agent whose desktop never came back must not be made routable when the incident frees their
 * wrapping reservation (TaskRouter keeps the activity as it was, "Available"), or the requeued customer is offered
 * straight back to the dead desktop. Whether the agent came back is whether they answered the ping.
 */
class AgentAvailabilityAfterRecoveryTest {

    @Test
    void anUnansweredPingTakesTheAgentOfflineAsTheirReservationIsFreed() {
        Scenario s = Scenario.twoParty().pinging().apply(new PingCanceled(PING_TASK, "Task TTL Exceeded"));

        assertThat(s.phase()).isEqualTo(Phase.REQUEUED);
        CompleteReservation freed = s.only(CompleteReservation.class);
        assertThat(freed.workerSid()).isEqualTo(ALICE);
        assertThat(freed.takeWorkerOffline()).isTrue();
    }

    @Test
    void theWatchdogsRequeueTakesTheAgentOfflineToo() {
        Scenario s = Scenario.twoParty().pinging().apply(new DeadlinePassed(Fixtures.T0.plusSeconds(30)));

        assertThat(s.phase()).isEqualTo(Phase.REQUEUED);
        assertThat(s.only(CompleteReservation.class).takeWorkerOffline()).isTrue();
    }

    @Test
    void aCustomerWhoHangsUpBeforeTheAgentIsBackLeavesTheAgentOffline() {
        Scenario s = Scenario.twoParty().pinging().apply(new CustomerLeft(CUSTOMER));

        assertThat(s.phase()).isEqualTo(Phase.CUSTOMER_LEFT);
        assertThat(s.only(CompleteReservation.class).takeWorkerOffline()).isTrue();
    }

    @Test
    void aSupervisorCancelWhilePingingLeavesTheAgentOffline() {
        Scenario s = Scenario.twoParty().pinging().apply(new CancelledBySupervisor("sam"));

        assertThat(s.phase()).isEqualTo(Phase.CANCELLED);
        assertThat(s.only(CompleteReservation.class).takeWorkerOffline()).isTrue();
    }

    @Test
    void anAgentWhoAnsweredThePingIsFreedForTheirReconnectWithTheirActivityUntouched() {
        Scenario s = Scenario.twoParty().reconnectQueued();

        CompleteReservation freed = s.only(CompleteReservation.class);
        assertThat(freed.takeWorkerOffline()).as("the desktop is back: it just accepted the ping").isFalse();
    }

    @Test
    void aCancelAfterTheAgentAnsweredThePingLeavesTheirActivityAlone() {
        Scenario s = Scenario.twoParty().pingAccepted().apply(new CancelledBySupervisor("sam"));

        assertThat(s.phase()).isEqualTo(Phase.CANCELLED);
        assertThat(s.only(CompleteReservation.class).takeWorkerOffline()).isFalse();
    }
}
