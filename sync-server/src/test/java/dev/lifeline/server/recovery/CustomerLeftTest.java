package dev.lifeline.server.recovery;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Effect.CancelTask;
import dev.lifeline.server.recovery.Effect.CompleteReservation;
import dev.lifeline.server.recovery.Effect.EndConference;
import dev.lifeline.server.recovery.Effect.RedirectCustomerToEnqueue;
import dev.lifeline.server.recovery.RecoveryEvent.CustomerLeft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static dev.lifeline.server.recovery.Fixtures.ALICE;
import static dev.lifeline.server.recovery.Fixtures.CUSTOMER;
import static dev.lifeline.server.recovery.Fixtures.PING_TASK;
import static dev.lifeline.server.recovery.Fixtures.RECONNECT_TASK;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerLeftTest {

    /** Each non-terminal phase, reached from a three-party drop. */
    enum Reached {
        DETECTED(s -> s),
        PINGING(Scenario::pinging),
        RECONNECT_ENQUEUED(Scenario::reconnectQueued),
        RECONNECTED(Scenario::reconnected);

        final UnaryOperator<Scenario> path;

        Reached(UnaryOperator<Scenario> path) {
            this.path = path;
        }
    }

    @ParameterizedTest
    @EnumSource(Reached.class)
    void customerHangingUpInAnyPhaseEndsTheIncidentAndFreesTheAgent(Reached reached) {
        Scenario s = reached.path.apply(Scenario.threeParty());
        assertThat(s.phase().name()).isEqualTo(reached.name());

        s.apply(new CustomerLeft(CUSTOMER));

        assertThat(s.phase()).isEqualTo(Phase.CUSTOMER_LEFT);
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
        assertThat(s.phasesToldTo(ALICE)).endsWith(Phase.CUSTOMER_LEFT);
    }

    @Test
    void customerHangingUpWhilePingingWithdrawsThePingAndEndsTheConference() {
        Scenario s = Scenario.threeParty().pinging().apply(new CustomerLeft(CUSTOMER));

        assertThat(s.only(CancelTask.class).taskSid()).isEqualTo(PING_TASK);
        assertThat(s.only(EndConference.class).conferenceSid()).isEqualTo(Fixtures.CONFERENCE);
        assertThat(s.all(RedirectCustomerToEnqueue.class)).isEmpty();
    }

    @Test
    void customerHangingUpInTheQueueWithdrawsTheReconnectTask() {
        Scenario s = Scenario.twoParty().reconnectQueued().apply(new CustomerLeft(CUSTOMER));

        assertThat(s.only(CancelTask.class).taskSid()).isEqualTo(RECONNECT_TASK);
        assertThat(s.all(CompleteReservation.class)).hasSize(1);
    }

    @Test
    void customerHangingUpBeforeThePingExistedWithdrawsThePingOnceItIsCreated() {
        Scenario s = Scenario.twoParty().apply(new CustomerLeft(CUSTOMER));
        assertThat(s.all(CancelTask.class)).isEmpty();

        s.pinging();

        assertThat(s.phase()).isEqualTo(Phase.CUSTOMER_LEFT);
        assertThat(s.only(CancelTask.class).taskSid()).isEqualTo(PING_TASK);
    }

    @Test
    void pingAcceptedAfterTheCustomerLeftIsCompletedSoTheAgentIsNotHeldByIt() {
        Scenario s = Scenario.twoParty().pinging().apply(new CustomerLeft(CUSTOMER))
                .apply(new RecoveryEvent.PingAccepted(PING_TASK));

        assertThat(s.phase()).isEqualTo(Phase.CUSTOMER_LEFT);
        assertThat(s.only(Effect.CompleteTask.class).taskSid()).isEqualTo(PING_TASK);
        assertThat(s.all(RedirectCustomerToEnqueue.class)).isEmpty();
    }

    @Test
    void customerLeavingAfterRestoreChangesNothing() {
        Scenario s = Scenario.twoParty().reconnected();
        Incident restored = s.incident();

        s.apply(new CustomerLeft(CUSTOMER));

        assertThat(s.incident()).isSameAs(restored);
    }
}
