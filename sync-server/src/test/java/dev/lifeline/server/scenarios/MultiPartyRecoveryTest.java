package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Third parties, hold, repeated drops and graceful hang-ups, end to end against twilio-sim. */
class MultiPartyRecoveryTest {

    private static final String EXTERNAL = "+15557770000";
    private RecoveryHarness harness;

    @BeforeEach
    void start() {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    /** Ping accepted and reconnect accepted by a fresh softphone, as the restarted desktop does. */
    private TestSoftphone comeBack(Incident pinging) throws Exception {
        TestSoftphone restarted = harness.softphone("alice");
        harness.agents.acceptPlain(harness.agents.awaitPendingReservation("alice", t -> t.sid().equals(pinging.pingTaskSid())));
        Reservation reconnect = harness.agents.awaitPendingReservation("alice",
                t -> t.attributesJson().contains("\"isReconnect\":true") && t.attributesJson().contains(pinging.incidentId()));
        harness.agents.acceptVoice("alice", reconnect);
        return restarted;
    }

    @Test
    void aThirdPartyStaysWithTheCustomerAndIsMovedIntoTheNewConferenceWithItsLabel() throws Exception {
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        String oldConference = harness.world.conferenceOf(customer).orElseThrow();
        String external = harness.sim.voice().addParticipant(oldConference, "+15550100000", EXTERNAL, "supervisor-line", true);
        Await.until("the third party is in the conference", () -> harness.world.conferenceOf(external).isPresent());

        phone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        assertThat(harness.world.conferenceOf(external)).contains(oldConference);
        TestSoftphone restarted = comeBack(pinging);

        harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        Await.until("customer, alice and the third party share one conference", () -> {
            Optional<String> customerConference = harness.world.conferenceOf(customer);
            return customerConference.isPresent() && !customerConference.get().equals(oldConference)
                    && customerConference.equals(harness.world.conferenceOf(external))
                    && restarted.connectedCalls().stream().anyMatch(c -> harness.world.conferenceOf(c).equals(customerConference));
        });
        restarted.hearsAndIsHeardBy(harness.sim, customer);
        restarted.hearsAndIsHeardBy(harness.sim, external);
        assertThat(participant(harness.world.conferenceOf(external).orElseThrow(), external)).containsEntry("label", "supervisor-line");
        assertThat(harness.sim.voice().effects(external)).containsEntry("redirect", 1);
    }

    @Test
    void aCustomerOnHoldWhenTheAgentDroppedIsStillReconnected() throws Exception {
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        harness.sim.voice().hold(customer, true, null);

        phone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        TestSoftphone restarted = comeBack(pinging);

        harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        Await.until("customer and alice share the new conference", () -> {
            Optional<String> conference = harness.world.conferenceOf(customer);
            return conference.isPresent() && restarted.connectedCalls().stream().anyMatch(c -> harness.world.conferenceOf(c).equals(conference));
        });
    }

    @Test
    void anAgentWhoDropsAgainAfterBeingRestoredIsRecoveredAsASecondAttempt() throws Exception {
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        phone.drop();
        Incident first = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        TestSoftphone second = comeBack(first);
        harness.incidents.awaitIncidentOf("alice", i -> i.incidentId().equals(first.incidentId()) && i.phase() == Phase.RESTORED);
        Await.until("alice's new leg is registered", () -> harness.engine.conferences().all().stream()
                .anyMatch(c -> c.participants().values().stream().anyMatch(p -> second.connectedCalls().contains(p.callSid()) && p.worker() != null)));

        second.drop();
        Incident retry = harness.incidents.awaitIncidentOf("alice", i -> i.attempt() == 2 && i.phase() == Phase.PINGING);
        TestSoftphone third = comeBack(retry);

        Incident restored = harness.incidents.awaitIncidentOf("alice", i -> i.attempt() == 2 && i.phase() == Phase.RESTORED);
        assertThat(restored.interactionId()).isEqualTo(first.interactionId());
        Await.until("customer and alice are together again", () -> {
            Optional<String> conference = harness.world.conferenceOf(customer);
            return conference.isPresent() && third.connectedCalls().stream().anyMatch(c -> harness.world.conferenceOf(c).equals(conference));
        });
    }

    @Test
    void aGracefulHangupOnATwoPartyCallEndsTheConferenceWithoutARecovery() throws Exception {
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        String conference = harness.world.conferenceOf(customer).orElseThrow();
        String agentLeg = phone.connectedCalls().get(0);

        harness.engine.gracefulExit(conference, agentLeg, GracefulExit.HANG_UP);
        phone.hangUp(agentLeg);

        Await.until("the conference ended", () -> "completed".equals(harness.world.conferenceStatus(conference)));
        assertThat(harness.engine.incidents().all()).isEmpty();
    }

    @Test
    void aGracefulHangupOnAThreePartyCallLeavesTheOthersTalking() throws Exception {
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        String conference = harness.world.conferenceOf(customer).orElseThrow();
        String external = harness.sim.voice().addParticipant(conference, "+15550100000", EXTERNAL, "consultant", true);
        Await.until("the server has seen the third party join", () -> harness.engine.conference(conference)
                .flatMap(c -> c.participant(external)).map(p -> p.present()).orElse(false));
        String agentLeg = phone.connectedCalls().get(0);

        harness.engine.gracefulExit(conference, agentLeg, GracefulExit.HANG_UP);
        phone.hangUp(agentLeg);

        Await.until("alice has left", () -> "completed".equals(harness.sim.voice().callStatus(agentLeg)));
        assertThat(harness.world.conferenceOf(customer)).contains(conference);
        assertThat(harness.world.conferenceOf(external)).contains(conference);
        assertThat(harness.engine.incidents().all()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> participant(String conferenceSid, String callSid) {
        for (Map<String, Object> conference : harness.world.conferences()) {
            if (conferenceSid.equals(conference.get("sid"))) {
                for (Map<String, Object> p : (List<Map<String, Object>>) conference.get("participants")) {
                    if (callSid.equals(p.get("callSid"))) {
                        return p;
                    }
                }
            }
        }
        throw new AssertionError("no participant " + callSid + " in " + conferenceSid);
    }
}
