package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.callcontrol.PartyControls;
import dev.lifeline.server.callcontrol.TransferJobs;
import dev.lifeline.server.callcontrol.TransferKind;
import dev.lifeline.server.callcontrol.Transfers;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.outbound.OutboundAgent;
import dev.lifeline.server.outbound.OutboundDialler;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.sim.voice.EndpointBehaviour;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 2: after each call control, a drop of the agent who then has the customer restores the right parties
 * to that agent with that agent's own task. Against twilio-sim through the real SDK, with the server's own
 * {@link Transfers} and {@link PartyControls} (what the desktop routes call) and test softphones for the agents.
 *
 * <p>What an agent expects of a party on hold at the drop (decided here): a third party the agent put on hold stays on
 * hold in the new conference (the agent held them for a reason, say to speak to the customer alone), while the
 * customer is reconnected to the returning agent (MultiPartyRecoveryTest#aCustomerOnHoldWhenTheAgentDroppedIsStillReconnected).
 */
class CallControlRecoveryTest {

    private static final String THIRD_PARTY = "+15551230077";

    private RecoveryHarness harness;
    private Transfers transfers;
    private PartyControls parties;

    @BeforeEach
    void start() {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        harness.sim.voice().registerEndpoint(THIRD_PARTY, EndpointBehaviour.answer(Duration.ZERO));
        EffectLeases claims = new EffectLeases(harness.hazelcast, Duration.ofSeconds(30));
        transfers = new Transfers(harness.voice, harness.taskRouter, harness.engine, claims,
                harness.workspace.voiceWorkflowSid(), harness.workspace.voiceQueueSid(), "Everyone",
                harness.conferenceCallbackUrl, identity -> Optional.ofNullable(harness.workspace.workers().get(identity)),
                OutboundDialler.ANSWER_WAIT, dev.lifeline.server.config.ServerConfig.DEFAULT_TRANSFER_QUEUE_TIMEOUT,
                new TransferJobs(harness.hazelcast));
        parties = new PartyControls(harness.voice, harness.taskRouter, harness.engine, claims, harness.conferenceCallbackUrl);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void afterAColdTransferBobsDropIsRecoveredForBobWithBobsOwnTask() throws Exception {
        Call call = aliceTalksToACustomer();
        TestSoftphone bobPhone = bobIsAvailable();

        String transferTask = transfers.transfer(worker("alice"), call.conference, "bob", null, TransferKind.COLD);
        Await.until("alice has left", () -> "completed".equals(harness.sim.voice().callStatus(call.aliceLeg)));
        assertThat(participant(call.conference, call.customer)).as("the customer waits on hold music").containsEntry("hold", true);
        Reservation offer = bobAccepts(transferTask);

        Await.until("the customer is off hold with bob", () -> Boolean.FALSE.equals(participant(call.conference, call.customer).get("hold")));
        bobPhone.hearsAndIsHeardBy(harness.sim, call.customer);
        assertThat(harness.engine.incidents().all()).as("a transfer is no drop").isEmpty();

        bobPhone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("bob", i -> i.phase() == Phase.PINGING);
        assertThat(pinging.droppedWorker().taskSid()).isEqualTo(transferTask);
        assertThat(pinging.droppedWorker().reservationSid()).isEqualTo(offer.getSid());
        assertThat(pinging.customerCallSid()).isEqualTo(call.customer);
        TestSoftphone bobAgain = harness.agentComesBack("bob", pinging, call.customer);
        bobAgain.hearsAndIsHeardBy(harness.sim, call.customer);
        assertThat(harness.incidents.awaitIncidentOf("bob", i -> i.phase() == Phase.RESTORED).attempt()).isEqualTo(1);
    }

    @Test
    void afterACompletedWarmTransferBobsDropIsRecoveredForBob() throws Exception {
        Call call = aliceTalksToACustomer();
        TestSoftphone bobPhone = bobIsAvailable();

        String transferTask = transfers.transfer(worker("alice"), call.conference, "bob", null, TransferKind.WARM);
        assertThat(participant(call.conference, call.customer)).containsEntry("hold", true);
        bobAccepts(transferTask);
        assertThat(harness.sim.voice().callStatus(call.aliceLeg)).as("alice consults bob").isEqualTo("in-progress");
        assertThat(participant(call.conference, call.customer)).as("while the customer is on hold").containsEntry("hold", true);
        transfers.complete(worker("alice"), call.conference);

        Await.until("alice has left", () -> "completed".equals(harness.sim.voice().callStatus(call.aliceLeg)));
        assertThat(participant(call.conference, call.customer)).containsEntry("hold", false);
        bobPhone.hearsAndIsHeardBy(harness.sim, call.customer);
        bobPhone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("bob", i -> i.phase() == Phase.PINGING);
        assertThat(pinging.droppedWorker().taskSid()).isEqualTo(transferTask);
        harness.agentComesBack("bob", pinging, call.customer).hearsAndIsHeardBy(harness.sim, call.customer);
    }

    @Test
    void afterACancelledWarmTransferAlicesDropIsRecoveredForAliceWithHerOwnTask() throws Exception {
        Call call = aliceTalksToACustomer();
        TestSoftphone bobPhone = bobIsAvailable();
        String transferTask = transfers.transfer(worker("alice"), call.conference, "bob", null, TransferKind.WARM);
        bobAccepts(transferTask);
        String bobLeg = bobPhone.connectedCalls().get(0);

        transfers.cancel(worker("alice"), call.conference);

        Await.until("bob has left", () -> "completed".equals(harness.sim.voice().callStatus(bobLeg)));
        assertThat(participant(call.conference, call.customer)).containsEntry("hold", false);
        assertThat(harness.taskRouter.fetchTask(transferTask).isFinished()).as("bob's transfer task is over").isTrue();
        assertThat(harness.engine.incidents().all()).as("bob leaving on a cancel is no drop").isEmpty();
        call.alicePhone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        assertThat(pinging.droppedWorker().taskSid()).isEqualTo(call.aliceTask);
        harness.agentComesBack("alice", pinging, call.customer).hearsAndIsHeardBy(harness.sim, call.customer);
    }

    @Test
    void aNumberTheAgentAddedAndHeldIsBroughtBackOnHoldWithTheCustomer() throws Exception {
        Call call = aliceTalksToACustomer();
        String added = parties.addNumber(worker("alice"), call.conference, THIRD_PARTY);
        Await.until("the added party is on the call", () -> harness.engine.conference(call.conference)
                .flatMap(c -> c.participant(added)).map(p -> p.present()).orElse(false));
        harness.voice.hold(call.conference, added, true, null);
        Await.until("the engine knows the party is held", () -> harness.engine.conference(call.conference)
                .flatMap(c -> c.participant(added)).map(p -> p.hold()).orElse(false));

        call.alicePhone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        TestSoftphone alice = harness.agentComesBack("alice", pinging, call.customer);
        Await.until("the added party is with the customer in the new conference", () -> {
            Optional<String> now = harness.world.conferenceOf(call.customer);
            return now.isPresent() && !now.get().equals(call.conference) && now.equals(harness.world.conferenceOf(added));
        });
        String newConference = harness.world.conferenceOf(call.customer).orElseThrow();
        Await.until("the added party is held again", () -> Boolean.TRUE.equals(participant(newConference, added).get("hold")));
        assertThat(participant(newConference, added)).containsEntry("label", THIRD_PARTY);
        alice.hearsAndIsHeardBy(harness.sim, call.customer);
    }

    @Test
    void aRemovedPartyIsGoneAndIsNotBroughtBackByARecovery() throws Exception {
        Call call = aliceTalksToACustomer();
        String added = parties.addNumber(worker("alice"), call.conference, THIRD_PARTY);
        Await.until("the added party is on the call", () -> harness.engine.conference(call.conference)
                .flatMap(c -> c.participant(added)).map(p -> p.present()).orElse(false));

        parties.remove(worker("alice"), call.conference, added);
        Await.until("the removed party has left", () -> harness.engine.conference(call.conference)
                .flatMap(c -> c.participant(added)).map(p -> !p.present()).orElse(false));
        call.alicePhone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        harness.agentComesBack("alice", pinging, call.customer).hearsAndIsHeardBy(harness.sim, call.customer);

        assertThat(harness.sim.voice().callStatus(added)).isEqualTo("completed");
        assertThat(pinging.remainingParties().stream().map(p -> p.callSid())).doesNotContain(added);
    }

    // The call and its agents //

    private record Call(TestSoftphone alicePhone, String customer, String conference, String aliceLeg, String aliceTask) {
    }

    private Call aliceTalksToACustomer() throws Exception {
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        String conference = harness.world.conferenceOf(customer).orElseThrow();
        String aliceLeg = phone.connectedCalls().get(0);
        String aliceTask = harness.engine.conference(conference).flatMap(c -> c.participant(aliceLeg))
                .map(p -> p.worker().taskSid()).orElseThrow();
        return new Call(phone, customer, conference, aliceLeg, aliceTask);
    }

    private TestSoftphone bobIsAvailable() throws Exception {
        TestSoftphone phone = harness.softphone("bob");
        harness.agents.makeAvailable("bob");
        return phone;
    }

    /** What bob's desktop does with the offer: the accept route, which joins bob to the customer's conference. */
    private Reservation bobAccepts(String transferTask) {
        Reservation offer = harness.agents.awaitPendingReservation("bob", t -> t.sid().equals(transferTask));
        transfers.accept(new OutboundAgent("bob", worker("bob"), "Bob Agent", TestSoftphone.addressOf("bob")), transferTask,
                harness.workspace.voiceWorkflowSid(), offer.getSid(),
                TaskAttributesJson.read(harness.taskRouter.fetchTask(transferTask).attributesJson()));
        return offer;
    }

    private String worker(String identity) {
        return harness.agents.worker(identity);
    }

    private Map<String, Object> participant(String conferenceSid, String callSid) {
        return harness.world.participant(conferenceSid, callSid);
    }
}
