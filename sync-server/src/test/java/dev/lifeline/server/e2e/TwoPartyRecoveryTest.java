package dev.lifeline.server.e2e;

import static dev.lifeline.server.e2e.RecoveryHarness.await;
import static dev.lifeline.server.e2e.RecoveryHarness.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A two-party call whose agent's desktop dies, end to end against twilio-sim. */
class TwoPartyRecoveryTest {

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
    void aDroppedAgentWhoComesBackIsReconnectedToTheSameCustomer() throws Exception {
        TestSoftphone firstDesktop = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", firstDesktop);

        firstDesktop.drop();
        Incident pinging = harness.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        assertThat(harness.sim.voice().callStatus(customer)).isEqualTo("in-progress");

        TestSoftphone restartedDesktop = harness.softphone("alice");
        Reservation ping = harness.awaitPendingReservation("alice", task -> task.sid().equals(pinging.pingTaskSid()));
        harness.acceptPlain(ping);
        Reservation reconnect = harness.awaitPendingReservation("alice", task -> task.attributesJson().contains("\"isReconnect\":true"));
        harness.acceptVoice("alice", reconnect);

        Incident restored = harness.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        awaitTrue("customer and alice share the new conference", () -> conferenceWith(customer, restartedDesktop).isPresent());
        restartedDesktop.hearsAndIsHeardBy(harness.sim, customer);
        assertThat(restored.attempt()).isEqualTo(1);
        assertThat(harness.taskRouter.fetchTask(pinging.pingTaskSid()).assignmentStatus()).isEqualTo("completed");
        assertThat(harness.taskRouter.reservationStatus(pinging.droppedWorker().taskSid(), pinging.droppedWorker().reservationSid()))
                .isEqualTo("completed");
        assertThat(harness.notifications).extracting(Incident::phase).contains(Phase.PINGING, Phase.RESTORED);
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> conferenceWith(String customerCallSid, TestSoftphone phone) {
        for (Map<String, Object> conference : harness.conferences()) {
            List<Map<String, Object>> participants = (List<Map<String, Object>>) conference.get("participants");
            boolean customerIn = participants.stream().anyMatch(p -> customerCallSid.equals(p.get("callSid")));
            boolean agentIn = participants.stream().anyMatch(p -> phone.connectedCalls().contains(p.get("callSid")));
            if (customerIn && agentIn) {
                return Optional.of(conference);
            }
        }
        return Optional.empty();
    }
}
