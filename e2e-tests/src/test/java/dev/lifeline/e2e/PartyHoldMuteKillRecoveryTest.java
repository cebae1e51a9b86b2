package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.command.AddParty;
import dev.lifeline.model.command.HoldParticipant;
import dev.lifeline.model.command.MuteParticipant;
import dev.lifeline.model.command.UnholdParticipant;
import dev.lifeline.model.conference.ParticipantView;
import dev.lifeline.sim.media.Goertzel;
import dev.lifeline.sim.media.ToneGenerator;
import dev.lifeline.sim.voice.EndpointBehaviour;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 2, per-party hold and mute at process level: alice's desktop (a real child JVM, SIP softphone) adds a
 * number to her call, holds it and mutes and unmutes herself through {@code /api/conferences/{sid}/hold}, {@code /mute}
 * as the call card does; then {@code kill -9} of the desktop while the number is held and alice is muted. A fresh
 * desktop of alice's gets the customer and the number back in one new conference with her new leg, the number still on
 * hold (the engine moves a third party keeping its hold: issue 15 item 5, {@code scenarios/MovedPartiesStateTest}), and
 * alice talking: her mute belonged to the leg that dropped, and her new leg joins as every agent leg does, unmuted (the
 * reconnect's conference instruction sets no {@code Muted}; only moved parties carry theirs), which her new desk shows.
 * Every claim about audio is what the emulator's mixer delivered, detected with Goertzel.
 */
class PartyHoldMuteKillRecoveryTest extends SimModeDesktopTest {

    private static final String ADDED = "+15551230079";
    /** The built-in hold music's C4: no note of it is a test tone, and C4 comes round at least every 4.5 s. */
    private static final double HOLD_MUSIC_C4_HZ = 261.63;
    private static final int RATE = 8000;

    @Override
    protected Map<String, String> serverSettings() {
        return ROOM_FOR_A_COLD_START;
    }

    @Test
    void aHeldPartyIsStillHeldAfterTheDropAndAliceComesBackUnmuted() {
        sim.server.sim().voice().registerEndpoint(ADDED, EndpointBehaviour.answer(Duration.ZERO));
        SimModeServer.DeskCall onDesk = sim.customerOnDesk("alice-first", "alice", STARTUP, STEP);
        AgentApi alice = onDesk.agent();
        String customer = onDesk.customer();
        String conference = onDesk.conference();
        String aliceLeg = onDesk.call().agentLeg().sid();
        sim.server.sim().media().farEndSends(customer, new ToneGenerator(SimModeServer.CUSTOMER_TONE_HZ, 0.3));
        alice.callControl(DesktopApi.ADD_PARTY, conference, AddParty.number(conference, ADDED));
        String added = Await.value(ADDED + " on the call", STEP, () -> world.partyLabelled(conference, ADDED)).callSid();
        Await.until("the added party hears alice", STEP, () -> lastSecondOf(added, SimModeServer.AGENT_TONE_HZ) >= 20);

        alice.callControl(DesktopApi.HOLD, conference, new HoldParticipant(conference, added));
        heldAndHearingMusicNotTheCall(conference, added, customer);

        alice.callControl(DesktopApi.MUTE, conference, new MuteParticipant(conference, aliceLeg, true));
        aliceMutedButHearingTheCustomer(onDesk.desk(), customer);
        alice.callControl(DesktopApi.MUTE, conference, new MuteParticipant(conference, aliceLeg, false));
        Await.until("the customer hears alice again once she unmutes", STEP,
                () -> lastSecondOf(customer, SimModeServer.AGENT_TONE_HZ) >= 20);
        alice.callControl(DesktopApi.MUTE, conference, new MuteParticipant(conference, aliceLeg, true));
        aliceMutedButHearingTheCustomer(onDesk.desk(), customer);
        assertThat(sim.incidentOf(customer)).as("holding and muting is no drop").isEmpty();

        DesktopProcess second = sim.killedAndBack(onDesk.desk(), "alice", customer, onDesk.call().agentLeg(),
                onDesk.call().taskSid(), "alice-second", STARTUP, STEP);

        String now = world.call(customer).conferenceSid();
        assertThat(now).as("a new conference").isNotEqualTo(conference);
        String newLeg = world.agentLegBridgedWith(customer, "alice").orElseThrow().sid();
        Await.until("the customer, the added party and alice's new leg, nobody else", STEP, () -> world.parties(now).stream()
                .filter(party -> "connected".equals(party.status())).map(EmulatorWorld.Party::callSid).sorted().toList()
                .equals(Stream.of(customer, added, newLeg).sorted().toList()));
        sim.audioCrossesBothWays(customer, second, STEP);
        ParticipantView aliceNow = Await.value("alice's new desk shows her new leg", STEP,
                () -> Optional.ofNullable(alice.state().conference()).flatMap(shown -> shown.participant(newLeg)));
        assertThat(aliceNow.muted()).as("alice's new leg joined unmuted, as her desk shows").isFalse();
        heldAndHearingMusicNotTheCall(now, added, customer);

        // The restored hold is the desk's to lift: the number hears the call again from the new conference.
        alice.callControl(DesktopApi.UNHOLD, now, new UnholdParticipant(now, added));
        Await.until("the added party is off hold and hears alice again", STEP,
                () -> world.parties(now).stream().anyMatch(party -> party.callSid().equals(added) && !party.hold())
                        && lastSecondOf(added, SimModeServer.AGENT_TONE_HZ) >= 20);
    }

    /**
     * The party is held in {@code conferenceSid} and, a second after the hold took, hears the built-in hold music and
     * neither the customer nor alice while the customer and alice do hear each other (same instant of one mixer).
     */
    private void heldAndHearingMusicNotTheCall(String conferenceSid, String party, String customer) {
        Await.until(party + " held in " + conferenceSid, STEP, () -> world.parties(conferenceSid).stream()
                .anyMatch(p -> p.callSid().equals(party) && "connected".equals(p.status()) && p.hold()));
        int heldFrom = heardBy(party).length;
        Await.until(party + " hears hold music", STEP,
                () -> Goertzel.detect(since(party, heldFrom), HOLD_MUSIC_C4_HZ, RATE).hits() >= 10);
        Await.until("a second of " + party + "'s hearing a second after the hold, while the call goes on", STEP,
                () -> heardBy(party).length >= heldFrom + 2 * RATE && lastSecondOf(customer, SimModeServer.AGENT_TONE_HZ) >= 20);
        short[] whileHeld = Arrays.copyOfRange(heardBy(party), heldFrom + RATE, heardBy(party).length);
        assertThat(Goertzel.detect(whileHeld, SimModeServer.AGENT_TONE_HZ, RATE).hits()).as("the held party hears not alice")
                .isZero();
        assertThat(Goertzel.detect(whileHeld, SimModeServer.CUSTOMER_TONE_HZ, RATE).hits())
                .as("the held party hears not the customer").isZero();
    }

    /** The mute takes alice's audio off the call (the customer's last second has none of it); she still hears them. */
    private void aliceMutedButHearingTheCustomer(DesktopProcess desk, String customer) {
        Await.until("the customer no longer hears alice", STEP, () -> heardBy(customer).length >= RATE
                && lastSecondOf(customer, SimModeServer.AGENT_TONE_HZ) == 0);
        Await.until("muted alice still hears the customer", STEP,
                () -> Goertzel.detect(desk.heard(1.0), SimModeServer.CUSTOMER_TONE_HZ, RATE).hits() >= 20);
    }

    private int lastSecondOf(String callSid, double frequency) {
        return Goertzel.detect(sim.server.sim().media().farEndHeard(callSid).last(1.0), frequency, RATE).hits();
    }

    private short[] heardBy(String callSid) {
        return sim.server.sim().media().farEndHeard(callSid).samples();
    }

    private short[] since(String callSid, int from) {
        short[] all = heardBy(callSid);
        return Arrays.copyOfRange(all, Math.min(from, all.length), all.length);
    }
}
