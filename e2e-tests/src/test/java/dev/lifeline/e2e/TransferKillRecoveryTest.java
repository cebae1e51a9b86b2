package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.command.TransferCall;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.reservation.ReservationView;
import dev.lifeline.server.recovery.Incident;
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
        // As DesktopKillRecoveryTest: room for a desktop's cold start on a loaded machine before the ping's TTL.
        return Map.of("LIFELINE_RECOVERY_PING_TTL", "60s");
    }

    @Test
    void aCallColdTransferredToBobIsRecoveredForBobWhenBobsDesktopIsKilled() {
        DesktopProcess aliceDesk = desktopUp("alice-desk", "alice");
        DesktopProcess bobFirst = desktopUp("bob-first", "bob");
        AgentApi alice = sim.signIn("alice", "alice-demo");
        AgentApi bob = sim.signIn("bob", "bob-demo");
        // Demo agents start Available on their first sign-in: bob takes a break, so the customer rings alice.
        bob.setActivity(Activity.BREAK);
        SimModeServer.Bridged call = sim.customerBridgedTo("alice", alice, STEP);
        String customer = call.customerCallSid();
        // The call card shows (and so can transfer) once the server has registered alice's leg, not when the audio is up.
        String conference = Await.value("alice's desk shows the call", STEP,
                () -> java.util.Optional.ofNullable(alice.state().conference()).map(c -> c.conferenceSid()));
        assertThat(conference).isEqualTo(world.call(customer).conferenceSid());
        bob.setActivity(Activity.AVAILABLE);

        alice.callControl(DesktopApi.TRANSFER, conference, TransferCall.toAgent(conference, "bob", false));
        ReservationView offer = Await.value("bob is offered the transfer", STEP,
                () -> bob.state().reservations().stream().filter(ReservationView::isPending).findFirst());
        bob.acceptTransfer(offer.reservationSid());

        EmulatorWorld.Call bobsLeg = Await.value("the customer bridged to bob's softphone", STEP,
                () -> world.agentLegBridgedWith(customer, "bob"));
        Await.until("alice's leg has left", STEP, () -> "completed".equals(world.call(call.agentLeg().sid()).status()));
        assertThat(world.call(customer).conferenceSid()).as("the customer never left the conference").isEqualTo(conference);
        assertThat(sim.incidentOf(customer)).as("a transfer is no drop").isEmpty();

        bobFirst.kill();
        Incident detected = Await.value("the server detects bob's drop", STEP,
                () -> sim.incidentOf(customer).filter(incident -> incident.phase() == Phase.PINGING));
        assertThat(detected.droppedWorker().workerSid()).isEqualTo(sim.workerSid("bob"));
        assertThat(detected.droppedWorker().taskSid()).as("bob's own task").isEqualTo(offer.taskSid());

        DesktopProcess bobSecond = sim.desktop("bob-second", "bob", "bob-demo");
        bobSecond.awaitLog("reconnect modal shown", STARTUP);
        Await.value("the customer bridged to bob's new softphone", STEP,
                () -> world.agentLegBridgedWith(customer, "bob").filter(leg -> !leg.sid().equals(bobsLeg.sid())));
        Incident restored = Await.value("the incident is restored", STEP,
                () -> sim.incidentOf(customer).filter(incident -> incident.phase() == Phase.RESTORED));
        assertThat(restored.incidentId()).isEqualTo(detected.incidentId());
        assertThat(aliceDesk.isAlive()).isTrue();
        sim.audioCrossesBothWays(customer, bobSecond, STEP);
    }

    private DesktopProcess desktopUp(String name, String identity) {
        DesktopProcess desktop = sim.desktop(name, identity, identity + "-demo");
        desktop.awaitLog("registered sip:" + identity + "@", STARTUP);
        // The desk's heartbeat keeps the agent on the floor: before it, the presence sweeper may set them Offline.
        desktop.awaitLog("event stream connected", STARTUP);
        return desktop;
    }
}
