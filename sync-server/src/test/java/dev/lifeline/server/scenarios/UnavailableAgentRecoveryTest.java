package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.server.twilio.WorkerState;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15 item 6, end to end (in-process members, twilio-sim through the real SDK): an agent who had put themselves on
 * a break during the call, or whom presence had set Offline, when the leg dropped, is still offered the Recovery Ping
 * and the reconnect (TaskRouter offers them only to an available worker), and is back in the chosen activity once
 * the customer is with them again.
 */
class UnavailableAgentRecoveryTest {

    private RecoveryHarness harness;

    @BeforeEach
    void start() {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Break", "Offline"})
    void anAgentNotAvailableWhenTheLegDroppedIsPingedReconnectedAndReturnedToTheirActivity(String activity) throws Exception {
        TestSoftphone firstDesktop = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", firstDesktop);
        String alice = harness.agents.worker("alice");
        harness.taskRouter.setWorkerActivity(alice, harness.workspace.activitySid(activity));

        firstDesktop.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        assertThat(activityOf(alice).activityName()).isEqualTo(TaskRouterGateway.LIFELINE_RECOVERY);
        assertThat(activityOf(alice).available()).isTrue();

        harness.softphone("alice");
        Reservation ping = harness.agents.awaitPendingReservation("alice", task -> task.sid().equals(pinging.pingTaskSid()));
        harness.agents.acceptPlain(ping);
        Reservation reconnect = harness.agents.awaitPendingReservation("alice", task -> task.attributesJson().contains("\"isReconnect\":true"));
        harness.agents.acceptVoice("alice", reconnect);

        harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        Await.until("the customer is in a conference again", () -> harness.world.conferenceOf(customer).isPresent());
        Await.until("alice is back in " + activity, () -> activity.equals(activityOf(alice).activityName()));
    }

    private WorkerState activityOf(String workerSid) {
        return harness.taskRouter.fetchWorker(workerSid).orElseThrow();
    }
}
