package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
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
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        assertThat(harness.sim.voice().callStatus(customer)).isEqualTo("in-progress");

        TestSoftphone restartedDesktop = harness.softphone("alice");
        Reservation ping = harness.agents.awaitPendingReservation("alice", task -> task.sid().equals(pinging.pingTaskSid()));
        harness.agents.acceptPlain(ping);
        Reservation reconnect = harness.agents.awaitPendingReservation("alice", task -> task.attributesJson().contains("\"isReconnect\":true"));
        harness.agents.acceptVoice("alice", reconnect);

        Incident restored = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        Await.until("customer and alice share the new conference", () -> conferenceWith(customer, restartedDesktop).isPresent());
        restartedDesktop.hearsAndIsHeardBy(harness.sim, customer);
        assertThat(restored.attempt()).isEqualTo(1);
        assertThat(harness.taskRouter.fetchTask(pinging.pingTaskSid()).assignmentStatus()).isEqualTo("completed");
        assertThat(harness.taskRouter.reservationStatus(pinging.droppedWorker().taskSid(), pinging.droppedWorker().reservationSid()))
                .isEqualTo("completed");
        Await.until("the dropped agent is told of PINGING, RESTORED", () -> harness.notifications.stream()
                .map(Incident::phase).toList().containsAll(List.of(Phase.PINGING, Phase.RESTORED)));
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> conferenceWith(String customerCallSid, TestSoftphone phone) {
        for (Map<String, Object> conference : harness.world.conferences()) {
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
