package dev.lifeline.server.conference;

import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.recovery.RecoveryEvent.DropDetected;
import org.junit.jupiter.api.Test;

import static dev.lifeline.server.conference.Calls.ALICE_LEG;
import static dev.lifeline.server.conference.Calls.BOB_LEG;
import static dev.lifeline.server.conference.Calls.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

class ConferenceRegistrationTest {

    @Test
    void registrationMarksTheAgentAndTheCustomer() {
        Calls calls = Calls.customerWithAlice();

        assertThat(calls.record().customerCallSid()).isEqualTo(CUSTOMER);
        assertThat(calls.participant(CUSTOMER).role()).isEqualTo(PartyRole.CUSTOMER);
        assertThat(calls.participant(ALICE_LEG).role()).isEqualTo(PartyRole.WORKER);
        assertThat(calls.participant(ALICE_LEG).worker()).isEqualTo(Calls.alice());
        assertThat(calls.participant(ALICE_LEG).present()).isTrue();
    }

    @Test
    void duplicateWorkerRegistrationIsDeduplicated() {
        Calls calls = Calls.customerWithAlice();
        ConferenceRecord once = calls.record();

        calls.register(ALICE_LEG, Calls.alice());

        assertThat(calls.record()).isSameAs(once);
        assertThat(calls.record().participants().values().stream()
                .filter(p -> p.role() == PartyRole.WORKER)).hasSize(1);
    }

    @Test
    void registrationWithoutAnyCallbackYetStillArmsDetection() {
        Calls calls = new Calls().register(ALICE_LEG, Calls.alice())
                .leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP);

        assertThat(calls.events(DropDetected.class)).hasSize(1);
    }

    @Test
    void registrationAfterTheAgentsLeaveDoesNotBringTheAgentBack() {
        Calls calls = new Calls().join(CUSTOMER, true).join(ALICE_LEG, false)
                .leave(ALICE_LEG, LeaveReason.PARTICIPANT_HUNG_UP)
                .register(ALICE_LEG, Calls.alice());

        assertThat(calls.participant(ALICE_LEG).present()).isFalse();
    }

    @Test
    void eachAgentKeepsItsOwnTaskReservationAndWorkflowAfterATransfer() {
        Calls calls = Calls.customerWithAlice().join(BOB_LEG, false).register(BOB_LEG, Calls.bob());

        assertThat(calls.participant(ALICE_LEG).worker().taskSid()).isEqualTo("WT1");
        assertThat(calls.participant(BOB_LEG).worker().taskSid()).isEqualTo("WT7");
        assertThat(calls.participant(BOB_LEG).worker().reservationSid()).isEqualTo("WR7");
        assertThat(calls.participant(BOB_LEG).worker().workflowSid()).isEqualTo("WWsupport");
    }
}
