package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What one two-party recovery costs in Twilio API calls: every REST request the recovery engine makes from the drop to
 * RESTORED with every effect settled, counted on its own SDK client (docs/deploy-twilio.md quotes the breakdown this
 * test logs). The agent's two accepts, which a desktop asks the server for, are made here by the test and counted
 * apart.
 */
class RecoveryApiCallsTest {

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
    void aTwoPartyRecoveryMakesAFewDozenTwilioRequestsAtMost() throws Exception {
        TestSoftphone firstDesktop = harness.softphone("alice");
        harness.customerTalkingTo("alice", firstDesktop);
        harness.engineRequests.reset();

        firstDesktop.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        TestSoftphone restartedDesktop = harness.softphone("alice");
        Reservation ping = harness.agents.awaitPendingReservation("alice", task -> task.sid().equals(pinging.pingTaskSid()));
        harness.agents.acceptPlain(ping);
        Reservation reconnect = harness.agents.awaitPendingReservation("alice",
                task -> task.attributesJson().contains("\"isReconnect\":true"));
        harness.agents.acceptVoice("alice", reconnect);
        Incident restored = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        Await.until("every effect of the recovery settled", () -> harness.engine.incidents().get(restored.incidentId())
                .map(Incident::finished).orElse(false));

        Map<String, Integer> byRequest = harness.engineRequests.byRequest();
        StringBuilder report = new StringBuilder("Twilio API calls of one two-party recovery (engine only): "
                + harness.engineRequests.count());
        byRequest.forEach((request, count) -> report.append(System.lineSeparator()).append(String.format("%4d  %s", count,
                request)));
        LoggerFactory.getLogger(RecoveryApiCallsTest.class).info("{}", report);
        System.out.println(report);
        assertThat(byRequest).containsKey("POST /v1/Workspaces/WS…/Tasks");
        assertThat(harness.engineRequests.count()).isBetween(5, 60);
        assertThat(restartedDesktop).isNotNull();
    }
}
