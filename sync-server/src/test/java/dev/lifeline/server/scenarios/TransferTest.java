package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.TaskAttributes;
import dev.lifeline.server.testsupport.Await;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transfers: only the last agent's drop is a recovery, and it is that agent's own task that is recovered (§8.4). */
class TransferTest {

    private RecoveryHarness harness;

    @BeforeEach
    void start() {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void afterAWarmTransferOnlyTheLastAgentsDropStartsARecoveryOfThatAgentsOwnTask() throws Exception {
        TestSoftphone alicePhone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", alicePhone);
        String conference = harness.world.conferenceOf(customer).orElseThrow();
        TestSoftphone bobPhone = harness.softphone("bob");
        String bobLeg = harness.sim.voice().addParticipant(conference, "+15550100000", TestSoftphone.addressOf("bob"), "bob", false);
        Await.until("bob answered and joined", () -> harness.world.conferenceOf(bobLeg).isPresent());
        // What the desktop API does when bob accepts the transfer task: bob's own task and reservation.
        harness.cluster.liveEngine().conferences().register(new WorkerRegistration(conference, bobLeg, customer,
                new WorkerAssignment(harness.agents.worker("bob"), "bob", "WR" + "b".repeat(32), "WT" + "b".repeat(32),
                        harness.workspace.voiceWorkflowSid(), TaskAttributes.of(Map.of("call_sid", customer)))));
        Await.until("the server has seen bob join", () -> harness.cluster.liveEngine().conference(conference)
                .flatMap(c -> c.participant(bobLeg)).map(p -> p.present() && p.worker() != null).orElse(false));

        alicePhone.drop();
        Await.until("alice's leg is gone", () -> harness.cluster.liveEngine().conference(conference)
                .flatMap(c -> c.participant(alicePhone.connectedCalls().get(0))).map(p -> !p.present()).orElse(false));
        assertThat(harness.cluster.liveEngine().incidents().all()).isEmpty();

        bobPhone.drop();
        Incident incident = harness.incidents.awaitIncidentOf("bob", i -> i.phase() == Phase.PINGING || i.phase() == Phase.DETECTED);
        assertThat(incident.droppedWorker().taskSid()).isEqualTo("WT" + "b".repeat(32));
        assertThat(incident.droppedWorker().reservationSid()).isEqualTo("WR" + "b".repeat(32));
        assertThat(harness.cluster.liveEngine().incidents().all()).hasSize(1);
    }

    @Test
    void aColdTransferIsNotADropAndLeavesTheCustomerInTheConference() throws Exception {
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        String conference = harness.world.conferenceOf(customer).orElseThrow();
        String agentLeg = phone.connectedCalls().get(0);

        harness.cluster.liveEngine().gracefulExit(conference, agentLeg, GracefulExit.COLD_TRANSFER);
        phone.hangUp(agentLeg);

        Await.until("alice has left", () -> "completed".equals(harness.sim.voice().callStatus(agentLeg)));
        assertThat(harness.sim.voice().callStatus(customer)).isEqualTo("in-progress");
        assertThat(harness.cluster.liveEngine().incidents().all()).isEmpty();
    }
}
