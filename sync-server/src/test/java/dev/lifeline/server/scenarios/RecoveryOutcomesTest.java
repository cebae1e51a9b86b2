package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.model.incident.Phase;
import dev.lifeline.server.recovery.Incident;
import dev.lifeline.server.recovery.OutboxEntry;
import dev.lifeline.server.testsupport.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The side exits of a recovery, end to end against twilio-sim: every one frees the agent and keeps the customer. */
class RecoveryOutcomesTest {

    private RecoveryHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void pingTimeoutRequeuesCustomerToTheOriginalWorkflowWithElevatedPriority() throws Exception {
        Requeued requeued = aliceDropsAndThePingRunsOut();
        String customer = requeued.customer();

        assertThat(harness.taskRouter.fetchTask(requeued.incident().pingTaskSid()).assignmentStatus()).isEqualTo("canceled");
        Map<String, Object> reconnect = harness.world.reconnectTaskOf(customer);
        assertThat(reconnect.get("workflow_sid")).isEqualTo(harness.workspace.voiceWorkflowSid());
        assertThat(reconnect.get("priority")).isEqualTo(1000);
        assertThat((Map<String, Object>) reconnect.get("attributes")).containsEntry("isReconnect", true)
                .doesNotContainKey("targetWorkerSid");
        assertThat(harness.sim.voice().effects(customer)).containsEntry("enqueue", 2);
        Await.until("the dropped agent is told of REQUEUED", () -> harness.notifications.stream()
                .map(Incident::phase).toList().containsAll(List.of(Phase.REQUEUED)));
    }

    /**
     * Issue 21: TaskRouter keeps a worker's activity when a reservation completes, so freeing the dead desktop's
     * wrapping reservation used to make alice routable again, and the requeued customer waited out a 120 s
     * reservation timeout on her. She is set Offline first; bob, Available later, gets the customer.
     */
    @Test
    void aRequeuedCustomerReachesTheNextFreeAgentAndNeverTheAgentWhoDidNotComeBack() throws Exception {
        String customer = aliceDropsAndThePingRunsOut().customer();

        assertThat(harness.taskRouter.fetchWorker(harness.agents.worker("alice")).orElseThrow().activityName())
                .as("an agent whose desktop never came back is not made routable").isEqualTo("Offline");

        harness.agents.makeAvailable("bob");

        Reservation offer = harness.agents.awaitPendingReservation("bob", task -> task.attributesJson().contains(customer));
        assertThat(harness.taskRouter.fetchTask(offer.getTaskSid()).attributesJson()).contains("\"isReconnect\":true");
        assertThat(com.twilio.rest.taskrouter.v1.workspace.worker.Reservation.reader(harness.workspace.workspaceSid(),
                        harness.agents.worker("alice")).read(harness.client))
                .as("alice never held the requeued customer")
                .noneMatch(reservation -> reservation.getTaskSid().equals(offer.getTaskSid()));
    }

    private record Requeued(String customer, Incident incident) {
    }

    /** Alice takes a customer, her leg drops, the ping's TTL runs out: REQUEUED, her wrapping reservation completed. */
    private Requeued aliceDropsAndThePingRunsOut() throws Exception {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        phone.drop();
        harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);

        harness.simClock.advance(Duration.ofSeconds(16));

        Incident requeued = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.REQUEUED);
        Await.until("the original reservation is completed", () -> "completed".equals(harness.taskRouter.reservationStatus(
                requeued.droppedWorker().taskSid(), requeued.droppedWorker().reservationSid())));
        return new Requeued(customer, requeued);
    }

    @Test
    void customerHangupWhilePingingEndsTheIncidentAndFreesTheAgent() throws Exception {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        String conference = harness.world.conferenceOf(customer).orElseThrow();
        phone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);

        harness.sim.voice().hangUp(customer);

        Incident left = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.CUSTOMER_LEFT);
        Await.until("the ping is cancelled", () -> "canceled".equals(harness.taskRouter.fetchTask(pinging.pingTaskSid()).assignmentStatus()));
        Await.until("the original reservation is completed", () -> "completed".equals(harness.taskRouter.reservationStatus(
                left.droppedWorker().taskSid(), left.droppedWorker().reservationSid())));
        assertThat(harness.world.conferenceStatus(conference)).isEqualTo("completed");
        Await.until("the dropped agent is told of CUSTOMER_LEFT", () -> harness.notifications.stream()
                .map(Incident::phase).toList().containsAll(List.of(Phase.CUSTOMER_LEFT)));
        // Ending the conference the customer's exit already ended is done, not a failure (Twilio answers 400).
        Incident settled = Await.present("every cleanup effect settled", () -> harness.cluster.liveEngine().incidents()
                .get(left.incidentId()).filter(i -> i.pendingEffects().isEmpty()));
        assertThat(settled.outbox()).extracting(OutboxEntry::state).doesNotContain(OutboxEntry.State.FAILED);
    }

    @Test
    void customerHangupWhileQueuedForTheReconnectCancelsItAndFreesTheAgent() throws Exception {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        phone.drop();
        Incident pinging = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);
        harness.softphone("alice");
        harness.agents.acceptPlain(harness.agents.awaitPendingReservation("alice", t -> t.sid().equals(pinging.pingTaskSid())));
        Incident enqueued = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.RECONNECT_ENQUEUED);
        Await.until("the customer waits in the queue for the reconnect", () -> "queued".equals(harness.world.callActivity(customer)));

        harness.sim.voice().hangUp(customer);

        Incident left = harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.CUSTOMER_LEFT);
        assertThat(left.incidentId()).isEqualTo(enqueued.incidentId());
        Await.until("the original reservation is completed", () -> "completed".equals(harness.taskRouter.reservationStatus(
                left.droppedWorker().taskSid(), left.droppedWorker().reservationSid())));
        assertThat(harness.world.reconnectTaskOf(customer).get("status")).isEqualTo("canceled");
    }

    @Test
    void theWatchdogExpiresAStalledRecoveryAndRequeuesTheCustomer() throws Exception {
        // The ping's TTL never fires (the emulator's clock stands still): as if TaskRouter's webhook were lost.
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(2));
        TestSoftphone phone = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", phone);
        phone.drop();
        harness.incidents.awaitIncidentOf("alice", i -> i.phase() == Phase.PINGING);

        Incident expired = harness.incidents.sweepUntil("alice", i -> i.phase() == Phase.EXPIRED);

        assertThat(harness.sim.voice().callStatus(customer)).isEqualTo("in-progress");
        Await.until("the customer is queued again", () -> "queued".equals(harness.world.callActivity(customer)));
        Await.until("the original reservation is completed", () -> "completed".equals(harness.taskRouter.reservationStatus(
                expired.droppedWorker().taskSid(), expired.droppedWorker().reservationSid())));
    }
}
