package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.cluster.HazelcastMembers;
import dev.lifeline.server.rebuild.StateRebuilder;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.testsupport.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An incident lost with its partition in the moment between the drop and the Recovery Ping leaves nothing at
 * Twilio to rebuild it from; the conference record, kept on a surviving member, still shows the dropped leg.
 * Simulated here by deleting the incident record and its ping task, then running the rebuild for every key.
 */
class LostBeforePingRebuildTest {

    private RecoveryHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void anIncidentLostBeforeItsPingExistedIsDetectedAgainFromTheSurvivingConferenceRecord() throws Exception {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        phone.drop();
        Incident lost = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        // PINGING follows the ping's REST answer; its task.created event comes by Event Streams, later. Left in
        // flight, it reached the rebuilt (DETECTED) incident, which took the deleted ping's SID (the flake). A ping
        // that "never existed" has no event on its way: the test lets it land first.
        Await.until("the ping's task.created event is delivered", () -> harness.sim.webhooks().deliveries().stream()
                .anyMatch(d -> d.status() / 100 == 2 && d.webhook().isJson() && createsTask(d.webhook().json(), lost.pingTaskSid())));
        harness.hazelcast.getMap(HazelcastMembers.INCIDENTS).delete(lost.incidentId());
        Task.deleter(harness.workspace.workspaceSid(), lost.pingTaskSid()).delete(harness.client);
        StateRebuilder rebuilder = new StateRebuilder(harness.hazelcast, harness.voice, harness.taskRouter, harness.engine.policy(),
                Clock.systemUTC(), harness.metrics);

        StateRebuilder.Rebuilt rebuilt = rebuilder.rebuild(key -> true);

        assertThat(rebuilt.incidents()).isEqualTo(1);
        Incident again = harness.cluster.liveEngine().incidents().get(lost.incidentId()).orElseThrow();
        assertThat(again.phase()).isEqualTo(Phase.DETECTED);
        assertThat(again.droppedWorker().workerSid()).isEqualTo(lost.droppedWorker().workerSid());
        assertThat(again.customerCallSid()).isEqualTo(customer);
        assertThat(rebuilder.rebuild(key -> true).incidents()).as("a second pass restores nothing twice").isZero();

        harness.cluster.startReconcilers(Duration.ofMillis(200));
        Incident pingingAgain = harness.incidents.awaitIncidentOf("alice",
                i -> i.incidentId().equals(lost.incidentId()) && i.phase() == Phase.PINGING);
        assertThat(pingingAgain.pingTaskSid()).isNotEqualTo(lost.pingTaskSid());
        harness.agentComesBack("alice", pingingAgain, customer);
        assertThat(harness.sim.voice().effects(customer)).containsEntry("enqueue", 2);
    }

    /** Whether an Event Streams delivery (a CloudEvents batch or one event) holds the task.created of {@code taskSid}. */
    private static boolean createsTask(String json, String taskSid) {
        try {
            JsonNode body = new ObjectMapper().readTree(json);
            for (JsonNode event : body.isArray() ? body : List.of(body)) {
                if (event.path("type").asText().endsWith("task.created")
                        && taskSid.equals(event.path("data").path("payload").path("task_sid").asText())) {
                    return true;
                }
            }
            return false;
        } catch (JsonProcessingException e) {
            throw new AssertionError("Event Streams delivered something other than JSON: " + json, e);
        }
    }
}
