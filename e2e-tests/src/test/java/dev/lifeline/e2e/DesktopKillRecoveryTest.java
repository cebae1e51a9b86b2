package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole product at process level: the server in sim mode (embedded twilio-sim with its SIP Domain, real Hazelcast
 * member, real twilio-java SDK over HTTP), alice's desktop as a real child JVM whose SIP softphone holds her voice leg
 * over SIP and RTP, a customer placed through the Simulator's endpoint, then {@code kill -9} of the desktop and a fresh
 * desktop process; once RESTORED, audio crosses the new bridge both ways (Goertzel at each end).
 */
class DesktopKillRecoveryTest extends SimModeDesktopTest {

    private static final String AGENT = "alice";
    private static final String PASSWORD = "alice-demo";

    @Override
    protected Map<String, String> serverSettings() {
        // The default 15 s ping TTL is about what a desktop's cold start takes on a loaded 2-core CI box; past it the
        // customer is requeued (RequeuedCustomerTest). This test is about the restored path.
        return Map.of("LIFELINE_RECOVERY_PING_TTL", "60s");
    }

    @Test
    void aDesktopKilledMidCallComesBackAndItsCustomerIsBridgedToTheNewSoftphone() {
        DesktopProcess first = desktop("alice-first");
        first.awaitLog("registered sip:" + AGENT + "@", STARTUP);
        SimModeServer.Bridged call = sim.customerBridgedTo(AGENT, sim.signIn(AGENT, PASSWORD), STEP);
        String customer = call.customerCallSid();
        EmulatorWorld.Call firstLeg = call.agentLeg();

        first.kill();
        Incident detected = Await.value("the server detects alice's drop", STEP, () -> sim.incidentOf(customer)
                .filter(incident -> incident.phase() == Phase.PINGING));
        assertThat(world.call(customer).status()).as("the customer stays on the line").isEqualTo("in-progress");

        DesktopProcess second = desktop("alice-second");
        Duration modalShown = second.awaitLog("reconnect modal shown", STARTUP);
        EmulatorWorld.Call newLeg = Await.value("the customer bridged to alice's new softphone", STEP,
                () -> world.agentLegBridgedWith(customer, AGENT).filter(leg -> !leg.sid().equals(firstLeg.sid())));
        Duration bridgedAgain = second.sinceStart();
        Incident restored = Await.value("the incident is restored", STEP,
                () -> sim.incidentOf(customer).filter(incident -> incident.phase() == Phase.RESTORED));

        System.out.printf("[e2e figures] desktop cold start to reconnect modal visible: %d ms%n", modalShown.toMillis());
        System.out.printf("[e2e figures] desktop start to customer bridged again: %d ms%n", bridgedAgain.toMillis());

        assertThat(restored.incidentId()).isEqualTo(detected.incidentId());
        assertThat(restored.attempt()).isEqualTo(1);
        assertThat(world.call(firstLeg.sid()).status()).as("the killed softphone's leg").isEqualTo("completed");
        String conference = world.call(customer).conferenceSid();
        assertThat(conference).as("the customer moved out of the conference the drop happened in")
                .isNotEqualTo(detected.conferenceSid());
        assertThat(world.conferenceName(conference)).isEqualTo(restored.newConferenceName());
        assertThat(world.parties(conference)).extracting(EmulatorWorld.Party::callSid)
                .as("exactly the customer and alice's new leg in the new conference")
                .containsExactlyInAnyOrder(customer, newLeg.sid());
        assertThat(sim.server.engine().incidents().all()).filteredOn(incident -> !incident.isTerminal())
                .as("no recovery left open").isEmpty();
        assertThat(second.isAlive()).isTrue();

        sim.audioCrossesBothWays(customer, second, STEP);
    }

    private DesktopProcess desktop(String name) {
        return sim.desktop(name, AGENT, PASSWORD);
    }
}
