package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.PartySnapshot;
import dev.lifeline.sim.media.Goertzel;
import dev.lifeline.sim.media.ToneGenerator;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 3 at process level: sam, a supervisor, listens to and whispers into the call of alice's desktop (a real
 * child JVM, SIP softphone) through {@code POST /api/supervisor/calls/{sid}/listen|whisper} with his own token, his
 * phone answering the server's listen call (see {@link SupervisorPhone}). What each hears is measured at the phones:
 * the customer sends 1 kHz (the emulator's simulated phone), alice 440 Hz, sam 1.6 kHz. Then {@code kill -9} of
 * alice's desktop: as {@code CallMonitor} is designed, sam's leg is taken out (he is no party of the call, and a silent
 * line to a waiting customer is no use to him), the recovery holds the customer alone and brings back alice without
 * him.
 */
class SupervisorListenKillTest extends SimModeDesktopTest {

    private static final double SUPERVISOR_TONE_HZ = 1600;

    @Override
    protected Map<String, String> serverSettings() {
        return ROOM_FOR_A_COLD_START;
    }

    @Test
    void samHearsBothSidesWhispersToAliceAloneAndIsTakenOffWhenAlicesDesktopIsKilled() {
        SimModeServer.DeskCall onDesk = sim.customerOnDesk("alice-first", "alice", STARTUP, STEP);
        DesktopProcess aliceDesk = onDesk.desk();
        String customer = onDesk.customer();
        String conference = onDesk.conference();
        sim.server.sim().media().farEndSends(customer, new ToneGenerator(SimModeServer.CUSTOMER_TONE_HZ, 0.3));
        AgentApi sam = sim.signIn("sam", "sam-demo");
        SupervisorPhone samPhone = sim.supervisorPhone(sam, "sam", SUPERVISOR_TONE_HZ, STARTUP);
        Supplier<short[]> samHears = () -> samPhone.heard(1.0);
        Supplier<short[]> aliceHears = () -> aliceDesk.heard(1.0);
        Supplier<short[]> customerHears = () -> sim.server.sim().media().farEndHeard(customer).last(1.0);

        sam.supervise(DesktopApi.LISTEN, conference);

        String samLeg = Await.value("sam's phone answered the listen call", STEP, samPhone::call);
        Await.until("sam hears the customer and alice", STEP, () -> hears(samHears, SimModeServer.CUSTOMER_TONE_HZ)
                && hears(samHears, SimModeServer.AGENT_TONE_HZ));
        assertThat(silent(aliceHears, SUPERVISOR_TONE_HZ)).as("alice does not hear a listening supervisor").isTrue();
        assertThat(silent(customerHears, SUPERVISOR_TONE_HZ)).as("nor does the customer").isTrue();

        sam.supervise(DesktopApi.WHISPER, conference);

        Await.until("alice hears sam's whisper", STEP, () -> hears(aliceHears, SUPERVISOR_TONE_HZ));
        assertThat(silent(customerHears, SUPERVISOR_TONE_HZ)).as("the customer never hears the whisper").isTrue();
        assertThat(hears(aliceHears, SimModeServer.CUSTOMER_TONE_HZ)).as("alice still hears the customer").isTrue();

        sim.killedAndBack(aliceDesk, "alice", customer, onDesk.call().agentLeg(), onDesk.call().taskSid(), "alice-second",
                STARTUP, STEP);

        Incident restored = sim.incidentOf(customer).orElseThrow();
        assertThat(restored.remainingParties()).extracting(PartySnapshot::callSid).as("sam is no party a recovery keeps")
                .containsExactly(customer);
        Await.until("sam's leg was taken out with alice gone", STEP, () -> "completed".equals(world.call(samLeg).status()));
        Await.until("sam's phone has no call", STEP, () -> samPhone.call().isEmpty());
        String newLeg = world.agentLegBridgedWith(customer, "alice").orElseThrow().sid();
        assertThat(world.parties(world.call(customer).conferenceSid())).extracting(EmulatorWorld.Party::callSid)
                .as("the customer and alice's new leg, sam not brought back").containsExactlyInAnyOrder(customer, newLeg);
    }

    /** A tone's share of the last second's energy: about 1/2 in a sum of two tones, near 0 when absent. */
    private static double share(Supplier<short[]> audio, double hz) {
        short[] samples = audio.get();
        return samples.length < 8000 ? 0 : Goertzel.power(samples, 0, samples.length, hz, 8000);
    }

    private static boolean hears(Supplier<short[]> audio, double hz) {
        return share(audio, hz) > 0.05;
    }

    private static boolean silent(Supplier<short[]> audio, double hz) {
        return share(audio, hz) < 0.01;
    }
}
