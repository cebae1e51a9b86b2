package dev.lifeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.e2e.testsupport.Await;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.command.AddParty;
import dev.lifeline.model.command.RemoveParty;
import dev.lifeline.sim.voice.EndpointBehaviour;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 2, parties at process level: alice's desktop (a real child JVM, SIP softphone) adds two numbers to her
 * call through {@code POST /api/conferences/{sid}/parties}, as the call card's Add button does, and removes one; then
 * {@code kill -9} of the desktop. A fresh desktop of alice's gets back every party that was on the call: the customer
 * and the number she kept, in one new conference with her new leg; the removed number stays gone.
 */
class PartyKillRecoveryTest extends SimModeDesktopTest {

    private static final String KEPT = "+15551230077";
    private static final String REMOVED = "+15551230078";

    @Override
    protected Map<String, String> serverSettings() {
        return ROOM_FOR_A_COLD_START;
    }

    @Test
    void aDropRestoresTheCustomerAndTheNumberAliceKeptButNotTheOneSheRemoved() {
        sim.server.sim().voice().registerEndpoint(KEPT, EndpointBehaviour.answer(Duration.ZERO));
        sim.server.sim().voice().registerEndpoint(REMOVED, EndpointBehaviour.answer(Duration.ZERO));
        SimModeServer.DeskCall onDesk = sim.customerOnDesk("alice-first", "alice", STARTUP, STEP);
        AgentApi alice = onDesk.agent();
        SimModeServer.Bridged call = onDesk.call();
        String customer = onDesk.customer();
        String conference = onDesk.conference();
        String kept = added(alice, conference, KEPT);
        String removed = added(alice, conference, REMOVED);

        alice.callControl(DesktopApi.REMOVE_PARTY, conference, new RemoveParty(conference, removed));
        Await.until("the removed number has left", STEP, () -> "completed".equals(world.call(removed).status()));
        assertThat(sim.incidentOf(customer)).as("adding and removing parties is no drop").isEmpty();

        DesktopProcess second = sim.killedAndBack(onDesk.desk(), "alice", customer, call.agentLeg(), call.taskSid(), "alice-second",
                STARTUP, STEP);

        String now = world.call(customer).conferenceSid();
        assertThat(now).as("a new conference").isNotEqualTo(conference);
        String newLeg = world.agentLegBridgedWith(customer, "alice").orElseThrow().sid();
        Await.until("the kept number is back with the customer and alice", STEP, () -> world.parties(now).stream()
                .filter(party -> "connected".equals(party.status())).map(EmulatorWorld.Party::callSid).sorted().toList()
                .equals(java.util.stream.Stream.of(customer, kept, newLeg).sorted().toList()));
        assertThat(world.call(removed).status()).as("the removed number is not called back").isEqualTo("completed");
        sim.audioCrossesBothWays(customer, second, STEP);
    }

    /** Adds {@code number} as the call card's Add button does. @return its leg, once connected to the call */
    private String added(AgentApi alice, String conference, String number) {
        alice.callControl(DesktopApi.ADD_PARTY, conference, AddParty.number(conference, number));
        return Await.value(number + " on the call", STEP, () -> world.partyLabelled(conference, number)).callSid();
    }
}
