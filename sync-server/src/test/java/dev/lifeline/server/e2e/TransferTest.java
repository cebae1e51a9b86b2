package dev.lifeline.server.e2e;

import static dev.lifeline.server.e2e.RecoveryHarness.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.GracefulExit;
import dev.lifeline.server.conference.WorkerAssignment;
import dev.lifeline.server.conference.WorkerRegistration;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.TaskAttributes;
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
        String conference = harness.conferenceOf(customer).orElseThrow();
        TestSoftphone bobPhone = harness.softphone("bob");
        String bobLeg = harness.sim.voice().addParticipant(conference, "+15550100000", TestSoftphone.addressOf("bob"), "bob", false);
        awaitTrue("bob answered and joined", () -> harness.conferenceOf(bobLeg).isPresent());
        // What the desktop API does when bob accepts the transfer task: bob's own task and reservation.
        harness.liveEngine().conferences().register(new WorkerRegistration(conference, bobLeg, customer,
                new WorkerAssignment(harness.worker("bob"), "bob", "WR" + "b".repeat(32), "WT" + "b".repeat(32),
                        harness.workspace.voiceWorkflowSid(), TaskAttributes.of(Map.of("call_sid", customer)))));
        awaitTrue("the server has seen bob join", () -> harness.liveEngine().conference(conference)
                .flatMap(c -> c.participant(bobLeg)).map(p -> p.present() && p.worker() != null).orElse(false));

        alicePhone.drop();
        awaitTrue("alice's leg is gone", () -> harness.liveEngine().conference(conference)
                .flatMap(c -> c.participant(alicePhone.connectedCalls().get(0))).map(p -> !p.present()).orElse(false));
        assertThat(harness.liveEngine().incidents().all()).isEmpty();

        bobPhone.drop();
        Incident incident = harness.awaitIncidentOf("bob", i -> i.phase() == Phase.PINGING || i.phase() == Phase.DETECTED);
        assertThat(incident.droppedWorker().taskSid()).isEqualTo("WT" + "b".repeat(32));
        assertThat(incident.droppedWorker().reservationSid()).isEqualTo("WR" + "b".repeat(32));
        assertThat(harness.liveEngine().incidents().all()).hasSize(1);
    }

    @Test
    void aColdTransferIsNotADropAndLeavesTheCustomerInTheConference() throws Exception {
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        String conference = harness.conferenceOf(customer).orElseThrow();
        String agentLeg = phone.connectedCalls().get(0);

        harness.liveEngine().gracefulExit(conference, agentLeg, GracefulExit.COLD_TRANSFER);
        phone.hangUp(agentLeg);

        awaitTrue("alice has left", () -> "completed".equals(harness.sim.voice().callStatus(agentLeg)));
        assertThat(harness.sim.voice().callStatus(customer)).isEqualTo("in-progress");
        assertThat(harness.liveEngine().incidents().all()).isEmpty();
    }
}
