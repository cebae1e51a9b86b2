package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 at process level, with {@code recovery.strategy=rejoin}: alice's desktop runs under its guardian as the
 * product runs it and is killed with SIGKILL mid-call; the guardian starts it again, it signs in by itself with the
 * saved sign-in, registers its phone and says it is back ({@code phone-ready}), and the server dials alice straight into
 * the conference the customer never left. No ping, no queue hop, no new conference: the same customer, the same task
 * and reservation, audio both ways over SIP and RTP.
 */
class DesktopRejoinTest extends SimModeDesktopTest {

    private static final String AGENT = "alice";
    private static final String PASSWORD = "alice-demo";
    /** The computer both of alice's desktops run on: one config folder, one saved sign-in. */
    private static final String LAPTOP = "alice-laptop";

    @Override
    protected Map<String, String> serverSettings() {
        // This test is about the rejoin, not the TTL: on a loaded 2-core box it took 58 s from the SIGKILL to phone-ready
        // (the guardian's restart, a cold JVM, the sign-in, the SIP registration), close to GuardedDesktopKillTest's 60 s.
        return Map.of("LIFELINE_RECOVERY_PING_TTL", "120s", "LIFELINE_RECOVERY_DEADLINE", "240s",
                "LIFELINE_RECOVERY_STRATEGY", "rejoin");
    }

    @Test
    void aGuardedDesktopKilledMidCallIsDialledBackIntoTheSameConferenceWithNoInput() {
        DesktopProcess alice = sim.guardedDesktopWithSavedSignIn(AGENT, PASSWORD, LAPTOP, STARTUP);
        SimModeServer.Bridged call = sim.customerBridgedTo(AGENT, sim.signIn(AGENT, PASSWORD), STEP);
        String customer = call.customerCallSid();
        EmulatorWorld.Call firstLeg = call.agentLeg();
        String conference = world.call(customer).conferenceSid();

        long killedAt = System.nanoTime();
        long killedPid = alice.killGuardedDesktop();
        Incident detected = Await.value("the server detects alice's drop", STEP, () -> sim.incidentOf(customer)
                .filter(incident -> incident.phase() == Phase.PINGING));
        assertThat(detected.pingTaskSid()).as("no Recovery Ping with rejoin").isNull();

        EmulatorWorld.Call newLeg = Await.value("alice's restarted desktop dialled back in with the customer",
                STARTUP.plus(STEP), () -> world.agentLegBridgedWith(customer, AGENT).filter(leg -> !leg.sid().equals(firstLeg.sid())));
        long killToBridgedMillis = (System.nanoTime() - killedAt) / 1_000_000;
        Incident restored = Await.value("the incident is restored", STEP,
                () -> sim.incidentOf(customer).filter(incident -> incident.phase() == Phase.RESTORED));
        System.out.printf("[e2e figures] rejoin: guarded desktop SIGKILL to customer bridged again, no input: %d ms%n",
                killToBridgedMillis);

        assertThat(restored.incidentId()).isEqualTo(detected.incidentId());
        assertThat(restored.timestamps()).as("the rejoin's own path").containsKey(Phase.REJOINING)
                .doesNotContainKey(Phase.RECONNECT_ENQUEUED);
        assertThat(world.call(customer).conferenceSid()).as("the customer never left the conference").isEqualTo(conference);
        assertThat(world.parties(conference)).extracting(EmulatorWorld.Party::callSid)
                .as("the customer and alice's new leg, together again in the same conference")
                .containsExactlyInAnyOrder(customer, newLeg.sid());
        assertThat(world.requeuedTaskOf(customer)).as("no queue hop").isEmpty();
        assertThat(world.reservationsOf(sim.workerSid(AGENT)))
                .as("alice still holds the original task's reservation, and was offered nothing else")
                .singleElement()
                .satisfies(reservation -> {
                    assertThat(reservation.taskSid()).isEqualTo(detected.droppedWorker().taskSid());
                    assertThat(reservation.status()).isIn("accepted", "wrapping");
                });
        assertThat(alice.output())
                .contains("guardian: the desktop (pid " + killedPid + ") stopped unexpectedly: it was killed (SIGKILL)")
                .contains("back for recovery " + detected.incidentId() + ": signed in, phone registered");
        assertThat(alice.isAlive()).as("the guardian keeps running").isTrue();

        sim.audioCrossesBothWays(customer, alice, STEP);
    }
}
