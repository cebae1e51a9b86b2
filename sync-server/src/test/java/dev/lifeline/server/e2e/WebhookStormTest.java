package dev.lifeline.server.e2e;

import static dev.lifeline.server.e2e.RecoveryHarness.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.sim.webhook.DeliveryFaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every callback and event delivered three times, a little late, to members in turn: the recovery ends exactly
 * as an undisturbed one, with each Twilio side effect performed once (the original redirected the customer
 * again on every duplicate, §8.2).
 */
class WebhookStormTest {

    private RecoveryHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void duplicatedAndDelayedWebhooksLeadToExactlyOneRecovery() throws Exception {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120), 2);
        harness.sim.webhooks().faults(new DeliveryFaults(Duration.ofMillis(5), 2, 1));
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        phone.drop();
        Incident pinging = harness.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        TestSoftphone restarted = harness.softphone("alice");
        harness.acceptPlain(harness.awaitPendingReservation("alice", t -> t.sid().equals(pinging.pingTaskSid())));
        Reservation reconnect = harness.awaitPendingReservation("alice", t -> t.attributesJson().contains("\"isReconnect\":true"));
        harness.acceptVoice("alice", reconnect);

        harness.awaitIncidentOf("alice", i -> i.phase() == Phase.RESTORED);
        awaitTrue("customer and alice are together", () -> harness.conferenceOf(customer).isPresent()
                && restarted.connectedCalls().stream().anyMatch(c -> harness.conferenceOf(c).equals(harness.conferenceOf(customer))));
        assertThat(harness.liveEngine().incidents().all()).hasSize(1);
        assertThat(harness.sim.voice().effects(customer)).containsEntry("enqueue", 2);
        assertThat(reconnectTasks()).hasSize(1);
        assertThat(harness.sim.webhooks().deliveries().size()).isGreaterThan(30);
    }

    @SuppressWarnings("unchecked")
    private List<Object> reconnectTasks() {
        Map<String, Object> taskRouter = (Map<String, Object>) harness.sim.snapshot().get("taskRouter");
        return ((List<Map<String, Object>>) taskRouter.get("workspaces")).stream()
                .flatMap(w -> ((List<Map<String, Object>>) w.get("tasks")).stream())
                .filter(t -> Boolean.TRUE.equals(((Map<String, Object>) t.get("attributes")).get("isReconnect")))
                .map(t -> (Object) t)
                .toList();
    }
}
