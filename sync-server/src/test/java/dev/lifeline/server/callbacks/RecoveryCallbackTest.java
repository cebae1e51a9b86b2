package dev.lifeline.server.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.conference.Participant;
import dev.lifeline.server.desktop.DesktopFixture;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.PartyRole;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.twilio.TaskDetails;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 4: a customer who hangs up while their dropped agent is being brought back (CUSTOMER_LEFT) gets a
 * callback due at once, offered first to that agent (the task targets their worker); when the agent has not taken it
 * within the wait, anyone may.
 */
class RecoveryCallbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void quiet() {
        DesktopFixture.shared().quietFloor();
        DesktopFixture.shared().setActivity("bob", "Offline");
    }

    @Test
    void aCustomerWhoHangsUpDuringARecoveryIsCalledBackFirstByTheirAgent() throws Exception {
        DesktopFixture server = DesktopFixture.shared();
        DesktopFixture.LiveCall call = server.bobOnACall();
        String bob = server.workerSid("bob");
        String bobsLeg = server.engine.conference(call.conferenceSid()).orElseThrow().participants().values().stream()
                .filter(p -> p.role() == PartyRole.WORKER).map(Participant::callSid).findFirst().orElseThrow();

        server.sim.voice().hangUp(bobsLeg); // bob's softphone vanishes: not a graceful exit, a drop
        Incident open = Await.present("a recovery for bob", () -> server.engine.incidents().openIncidentsOf(bob).stream().findFirst());
        server.sim.voice().hangUp(call.customerCallSid());

        Await.until("the customer left during the recovery", () -> server.engine.incidents().get(open.incidentId())
                .map(i -> i.phase() == Phase.CUSTOMER_LEFT).orElse(false));
        Callback callback = Await.present("the customer's callback", () -> server.callbacks.find(
                RecoveryCallbacks.idFor(open.incidentId())));
        assertThat(callback.number()).isEqualTo(DesktopFixture.CUSTOMER);
        assertThat(callback.preferredAgent()).isEqualTo(bob);
        assertThat(callback.source()).isEqualTo("recovery:" + open.incidentId());
        assertThat(server.callbacks.all()).filteredOn(c -> c.source().equals(callback.source())).hasSize(1);

        TaskDetails task = Await.present("its task, for bob", () -> taskOf(server, callback.id())
                .filter(t -> bob.equals(attributes(t).path("targetWorkerSid").asText(null))));
        assertThat(task.priority()).isEqualTo(50);

        server.clock.advance(Duration.ofSeconds(6)); // past the fixture's 5 s wait for the preferred agent
        Await.until("offered to anyone", () -> taskOf(server, callback.id())
                .map(t -> attributes(t).path("targetWorkerSid").isNull() || attributes(t).path("targetWorkerSid").isMissingNode())
                .orElse(false));
        // The record follows the task (the Twilio step first, so a failed one is tried again on the next tick).
        Await.until("the callback is anyone's", () -> server.callbacks.find(callback.id()).orElseThrow().preferredAgent() == null);
    }

    private static Optional<TaskDetails> taskOf(DesktopFixture server, String callbackId) {
        return server.taskRouter.tasks(null, List.of()).stream()
                .filter(t -> callbackId.equals(CallbackTasks.callbackIdOf(t.attributesJson()))).findFirst();
    }

    private static JsonNode attributes(TaskDetails task) {
        try {
            return JSON.readTree(task.attributesJson());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
