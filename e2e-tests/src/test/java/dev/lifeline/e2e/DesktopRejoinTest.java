package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 at process level: the server with {@code recovery.strategy=rejoin}, alice's desktop killed mid-call, a fresh
 * desktop process that signs in, registers its phone and says so; the server dials it into the conference the customer
 * never left, the desktop answers that announced call by itself, and audio crosses both ways.
 */
class DesktopRejoinTest extends SimModeDesktopTest {

    private static final String AGENT = "alice";
    private static final String PASSWORD = "alice-demo";

    @Override
    protected Map<String, String> serverSettings() {
        // A desktop's cold start on a loaded 2-core box takes about the default 15 s TTL; this test is about the rejoin.
        return Map.of("LIFELINE_RECOVERY_STRATEGY", "rejoin", "LIFELINE_RECOVERY_PING_TTL", "60s");
    }

    @Test
    void aKilledDesktopIsDialledBackIntoTheConferenceTheCustomerNeverLeft() {
        DesktopProcess first = sim.desktop("alice-first", AGENT, PASSWORD);
        first.awaitLog("registered sip:" + AGENT + "@", STARTUP);
        SimModeServer.Bridged call = sim.customerBridgedTo(AGENT, sim.signIn(AGENT, PASSWORD), STEP);
        String customer = call.customerCallSid();
        EmulatorWorld.Call firstLeg = call.agentLeg();

        first.kill();
        Incident detected = Await.value("the server detects alice's drop", STEP, () -> sim.incidentOf(customer)
                .filter(incident -> incident.phase() == Phase.PINGING));
        assertThat(detected.pingTaskSid()).as("no Recovery Ping with rejoin").isNull();

        DesktopProcess second = sim.desktop("alice-second", AGENT, PASSWORD);
        second.awaitLog("back for recovery " + detected.incidentId(), STARTUP);
        EmulatorWorld.Call newLeg = Await.value("alice's new softphone dialled into the customer's conference", STEP,
                () -> world.agentLegBridgedWith(customer, AGENT).filter(leg -> !leg.sid().equals(firstLeg.sid())));
        Incident restored = Await.value("the incident is restored", STEP,
                () -> sim.incidentOf(customer).filter(incident -> incident.phase() == Phase.RESTORED));
        System.out.printf("[e2e figures] rejoin: desktop start to customer bridged again: %d ms%n",
                second.sinceStart().toMillis());

        assertThat(restored.incidentId()).isEqualTo(detected.incidentId());
        assertThat(world.call(customer).conferenceSid()).as("the customer never left the conference")
                .isEqualTo(detected.conferenceSid());
        assertThat(world.parties(detected.conferenceSid())).extracting(EmulatorWorld.Party::callSid)
                .containsExactlyInAnyOrder(customer, newLeg.sid());
        sim.audioCrossesBothWays(customer, second, STEP);
    }
}
