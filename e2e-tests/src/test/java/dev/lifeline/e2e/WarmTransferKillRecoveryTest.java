package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.command.CancelTransfer;
import dev.lifeline.model.command.CompleteTransfer;
import dev.lifeline.model.command.TransferCall;
import dev.lifeline.model.reservation.ReservationView;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 2, warm transfers at process level (alice's and bob's desktops, real child JVMs with SIP softphones):
 * alice consults bob while the customer is on hold, then completes (she leaves; a {@code kill -9} of bob's desktop is
 * recovered for bob with bob's own task) or cancels (bob's leg is gone; the customer stays with alice, no drop).
 */
class WarmTransferKillRecoveryTest extends SimModeDesktopTest {

    @Override
    protected Map<String, String> serverSettings() {
        return ROOM_FOR_A_COLD_START;
    }

    @Test
    void aCompletedWarmTransferIsRecoveredForBobWhenBobsDesktopIsKilled() {
        AliceCallWithBobAtHisDesk desks = AliceCallWithBobAtHisDesk.start(sim, STARTUP, STEP);
        String customer = desks.customer();
        ReservationView offer = aliceConsultsBob(desks);
        EmulatorWorld.Call bobsLeg = world.agentLegBridgedWith(customer, "bob").orElseThrow();

        desks.alice().callControl(DesktopApi.COMPLETE_TRANSFER, desks.conference(), new CompleteTransfer(desks.conference()));

        Await.until("alice's leg has left", STEP,
                () -> "completed".equals(world.call(desks.call().agentLeg().sid()).status()));
        Await.until("the customer is off hold with bob", STEP, () -> !customerOnHold(desks));
        assertThat(sim.incidentOf(customer)).as("completing a transfer is no drop").isEmpty();

        DesktopProcess bobSecond = sim.killedAndBack(desks.bobDesk(), "bob", customer, bobsLeg, offer.taskSid(), "bob-second",
                STARTUP, STEP);
        sim.audioCrossesBothWays(customer, bobSecond, STEP);
    }

    @Test
    void aCancelledWarmTransferLeavesTheCustomerWithAliceAndBobsLegGone() {
        AliceCallWithBobAtHisDesk desks = AliceCallWithBobAtHisDesk.start(sim, STARTUP, STEP);
        String customer = desks.customer();
        aliceConsultsBob(desks);
        EmulatorWorld.Call bobsLeg = world.agentLegBridgedWith(customer, "bob").orElseThrow();

        desks.alice().callControl(DesktopApi.CANCEL_TRANSFER, desks.conference(), new CancelTransfer(desks.conference()));

        Await.until("bob's leg has left", STEP, () -> "completed".equals(world.call(bobsLeg.sid()).status()));
        Await.until("the customer is off hold with alice", STEP, () -> !customerOnHold(desks));
        assertThat(world.agentLegBridgedWith(customer, "alice")).as("alice's own leg, never moved")
                .hasValueSatisfying(leg -> assertThat(leg.sid()).isEqualTo(desks.call().agentLeg().sid()));
        Await.until("only the customer and alice on the call", STEP, () -> world.parties(desks.conference()).stream()
                .map(EmulatorWorld.Party::callSid).sorted().toList()
                .equals(java.util.stream.Stream.of(customer, desks.call().agentLeg().sid()).sorted().toList()));
        assertThat(sim.incidentOf(customer)).as("bob leaving on a cancel is no drop").isEmpty();
        assertThat(desks.bobDesk().isAlive()).isTrue();
        sim.audioCrossesBothWays(customer, desks.aliceDesk(), STEP);
    }

    /**
     * Alice's warm transfer to bob, and bob's accept: both agents' legs are on the call and the customer hears hold
     * music while they talk. @return bob's offer
     */
    private ReservationView aliceConsultsBob(AliceCallWithBobAtHisDesk desks) {
        desks.alice().callControl(DesktopApi.TRANSFER, desks.conference(),
                TransferCall.toAgent(desks.conference(), "bob", true));
        ReservationView offer = desks.bobAcceptsTheOffer(STEP);
        Await.value("bob's softphone on the customer's call", STEP,
                () -> world.agentLegBridgedWith(desks.customer(), "bob"));
        assertThat(world.agentLegBridgedWith(desks.customer(), "alice")).as("alice stays to consult bob").isPresent();
        assertThat(customerOnHold(desks)).as("while the customer is on hold").isTrue();
        return offer;
    }

    private boolean customerOnHold(AliceCallWithBobAtHisDesk desks) {
        return world.parties(desks.conference()).stream()
                .anyMatch(party -> party.callSid().equals(desks.customer()) && party.hold());
    }
}
