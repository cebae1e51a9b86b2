package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.command.TransferCall;
import dev.lifeline.model.reservation.ReservationView;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 2 at process level: alice's desktop and bob's (real child JVMs, SIP softphones). Alice has a customer
 * and cold-transfers the call to bob through {@code POST /api/conferences/{sid}/transfer}, as the call card's Transfer
 * button does; bob accepts the offer as his Accept button does, and his softphone is joined to the customer's
 * conference while alice's leg leaves. Then {@code kill -9} of bob's desktop: the recovery is bob's, of bob's own
 * transfer task (not alice's), and a fresh desktop of bob's gets the customer back, audio both ways.
 */
class TransferKillRecoveryTest extends SimModeDesktopTest {

    @Override
    protected Map<String, String> serverSettings() {
        return ROOM_FOR_A_COLD_START;
    }

    @Test
    void aCallColdTransferredToBobIsRecoveredForBobWhenBobsDesktopIsKilled() {
        AliceCallWithBobAtHisDesk desks = AliceCallWithBobAtHisDesk.start(sim, STARTUP, STEP);
        String customer = desks.customer();

        desks.alice().callControl(DesktopApi.TRANSFER, desks.conference(),
                TransferCall.toAgent(desks.conference(), "bob", false));
        ReservationView offer = desks.bobAcceptsTheOffer(STEP);

        EmulatorWorld.Call bobsLeg = Await.value("the customer bridged to bob's softphone", STEP,
                () -> world.agentLegBridgedWith(customer, "bob"));
        Await.until("alice's leg has left", STEP,
                () -> "completed".equals(world.call(desks.call().agentLeg().sid()).status()));
        assertThat(world.call(customer).conferenceSid()).as("the customer never left the conference")
                .isEqualTo(desks.conference());
        assertThat(sim.incidentOf(customer)).as("a transfer is no drop").isEmpty();

        DesktopProcess bobSecond = sim.killedAndBack(desks.bobDesk(), "bob", customer, bobsLeg, offer.taskSid(), "bob-second",
                STARTUP, STEP);
        assertThat(desks.aliceDesk().isAlive()).isTrue();
        sim.audioCrossesBothWays(customer, bobSecond, STEP);
    }
}
