package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.model.outbound.CallPlaced;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.sim.voice.EndpointBehaviour;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 1 at process level: alice's desktop (a real child JVM, SIP softphone) calls a number through
 * {@code POST /api/me/calls} as its Call button does, the called party answers (the emulator's scenario), then
 * {@code kill -9} of the desktop. The called party is the customer the recovery keeps (seed §8.16), and once a fresh
 * desktop process is up it is bridged back to alice's new softphone, audio both ways.
 */
class OutboundKillRecoveryTest extends SimModeDesktopTest {

    private static final String AGENT = "alice";
    private static final String PASSWORD = "alice-demo";
    private static final String CALLED = "+15551230002";

    @Override
    protected Map<String, String> serverSettings() {
        // As DesktopKillRecoveryTest: room for a desktop's cold start on a loaded machine before the ping's TTL.
        return Map.of("LIFELINE_RECOVERY_PING_TTL", "60s");
    }

    @Test
    void aDesktopKilledDuringAnOutboundCallComesBackAndTheCalledPartyIsBridgedToTheNewSoftphone() {
        sim.server.sim().voice().registerEndpoint(CALLED, EndpointBehaviour.answer(Duration.ZERO));
        DesktopProcess first = desktop("alice-first");
        first.awaitLog("registered sip:" + AGENT + "@", STARTUP);
        // The desk's heartbeat is what keeps alice on the floor: before it, the presence sweeper may set her Offline.
        first.awaitLog("event stream connected", STARTUP);
        AgentApi alice = sim.signIn(AGENT, PASSWORD);
        alice.setActivity(Activity.AVAILABLE);

        CallPlaced placed = alice.placeCall(CALLED);
        String called = placed.customerCallSid();
        EmulatorWorld.Call firstLeg = Await.value("the called party bridged to alice's softphone", STEP,
                () -> world.agentLegBridgedWith(called, AGENT));
        assertThat(world.call(called).to()).isEqualTo(CALLED);

        first.kill();
        Incident detected = Await.value("the server detects alice's drop", STEP, () -> sim.incidentOf(called)
                .filter(incident -> incident.phase() == Phase.PINGING));
        assertThat(detected.customerCallSid()).as("the called party, not alice's leg, is the customer").isEqualTo(called);
        assertThat(world.call(called).status()).as("the called party stays on the line").isEqualTo("in-progress");

        DesktopProcess second = desktop("alice-second");
        second.awaitLog("reconnect modal shown", STARTUP);
        EmulatorWorld.Call newLeg = Await.value("the called party bridged to alice's new softphone", STEP,
                () -> world.agentLegBridgedWith(called, AGENT).filter(leg -> !leg.sid().equals(firstLeg.sid())));
        Incident restored = Await.value("the incident is restored", STEP,
                () -> sim.incidentOf(called).filter(incident -> incident.phase() == Phase.RESTORED));

        assertThat(restored.incidentId()).isEqualTo(detected.incidentId());
        assertThat(restored.droppedWorker().taskSid()).isEqualTo(placed.taskSid());
        String conference = world.call(called).conferenceSid();
        assertThat(conference).isNotEqualTo(placed.conferenceSid());
        assertThat(world.parties(conference)).extracting(EmulatorWorld.Party::callSid)
                .as("exactly the called party and alice's new leg in the new conference")
                .containsExactlyInAnyOrder(called, newLeg.sid());
        assertThat(second.isAlive()).isTrue();

        sim.audioCrossesBothWays(called, second, STEP);
    }

    private DesktopProcess desktop(String name) {
        return sim.desktop(name, AGENT, PASSWORD);
    }
}
