package dev.lifeline.server.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.server.callcontrol.TransferJobs;
import dev.lifeline.server.callcontrol.TransferKind;
import dev.lifeline.server.callcontrol.Transfers;
import dev.lifeline.server.callcontrol.UntakenTransfers;
import dev.lifeline.server.engine.EffectLeases;
import dev.lifeline.server.outbound.OutboundAgent;
import dev.lifeline.server.taskrouter.TaskAttributesJson;
import dev.lifeline.server.testsupport.Await;
import dev.lifeline.server.twilio.TaskDetails;
import dev.lifeline.server.twilio.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a cold transfer to the queue that nobody takes within {@code transfer.queue-timeout} (2 min here, the
 * default) brings the customer back: to the transferring agent while she is Available and on no other call, else to the
 * queue at the top priority. The customer hears hold music all the while. Against twilio-sim through the real SDK, its
 * clock moved past the transfer task's timeout (TaskRouter's TTL, whose {@code task.canceled} reaches the server's
 * {@link UntakenTransfers} through the webhook routes as any TaskRouter event does).
 */
class QueueTransferTimeoutTest {

    private static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(120);
    private static final String HOLD_MUSIC = "http://media.example.com/hold.mp3";

    private RecoveryHarness harness;
    private Transfers transfers;

    @BeforeEach
    void start() {
        harness = new RecoveryHarness(Duration.ofSeconds(15), Duration.ofSeconds(120));
        EffectLeases claims = new EffectLeases(harness.hazelcast, Duration.ofSeconds(30));
        transfers = new Transfers(harness.voice, harness.taskRouter, harness.engine, claims,
                harness.workspace.voiceWorkflowSid(), harness.workspace.voiceQueueSid(), "Everyone",
                harness.conferenceCallbackUrl, identity -> Optional.ofNullable(harness.workspace.workers().get(identity)),
                Duration.ofSeconds(30), QUEUE_TIMEOUT, new TransferJobs(harness.hazelcast));
        UntakenTransfers untaken = new UntakenTransfers(harness.taskRouter, harness.engine, claims, transfers,
                harness.workspace.voiceWorkflowSid(), QUEUE_TIMEOUT);
        harness.cluster.alsoTaskRouterEvents.add(untaken::onTaskRouterEvent);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aQueueTransferNobodyTakesComesBackToTheAgentStillOnTheDesk() throws Exception {
        TestSoftphone alice = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", alice);
        String conference = harness.world.conferenceOf(customer).orElseThrow();
        String aliceTask = aliceTaskOf(conference, alice.connectedCalls().get(0));

        String queued = transfers.transfer(worker("alice"), conference, null, "Everyone", TransferKind.COLD);
        // Alice is Available and writing her wrap-up notes (her task wraps, so TaskRouter offers her nothing yet).
        assertThat(harness.taskRouter.fetchWorker(worker("alice")).orElseThrow().available()).isTrue();
        assertThat(harness.taskRouter.fetchTask(aliceTask).assignmentStatus()).isEqualTo("wrapping");
        customerHearsHoldMusic(conference, customer);

        harness.simClock.advance(QUEUE_TIMEOUT.plusSeconds(1));

        Await.until("the untaken transfer is canceled", () -> harness.taskRouter.fetchTask(queued).isFinished());
        TaskDetails back = Await.present("a new offer of the customer", () -> offerOf(conference, queued));
        assertThat(TaskAttributesJson.read(back.attributesJson()).string("targetWorkerSid")).as("back to alice")
                .contains(worker("alice"));
        customerHearsHoldMusic(conference, customer);
        harness.taskRouter.completeTask(aliceTask, "wrap-up done");
        Reservation offer = harness.agents.awaitPendingReservation("alice", task -> task.sid().equals(back.sid()));
        accept("alice", back.sid(), offer);

        Await.until("the customer is off hold with alice",
                () -> Boolean.FALSE.equals(harness.world.participant(conference, customer).get("hold")));
        alice.hearsAndIsHeardBy(harness.sim, customer);
    }

    @Test
    void aQueueTransferNobodyTakesGoesBackToTheQueueAtTopPriorityWhenTheAgentIsGone() throws Exception {
        TestSoftphone alice = harness.softphone("alice");
        String customer = harness.customerTalkingTo("alice", alice);
        String conference = harness.world.conferenceOf(customer).orElseThrow();
        String queued = transfers.transfer(worker("alice"), conference, null, "Everyone", TransferKind.COLD);
        harness.taskRouter.setWorkerActivity(worker("alice"), harness.workspace.activitySid("Break"));

        harness.simClock.advance(QUEUE_TIMEOUT.plusSeconds(1));

        TaskDetails requeued = Await.present("a new offer of the customer", () -> offerOf(conference, queued));
        assertThat(TaskAttributesJson.read(requeued.attributesJson()).string("targetWorkerSid")).as("to the queue").isEmpty();
        assertThat(requeued.priority()).as("top priority").isEqualTo(harness.engine.policy().requeuePriority());
        customerHearsHoldMusic(conference, customer);
        TestSoftphone bob = harness.softphone("bob");
        harness.agents.makeAvailable("bob");
        Reservation offer = harness.agents.awaitPendingReservation("bob", task -> task.sid().equals(requeued.sid()));
        accept("bob", requeued.sid(), offer);

        Await.until("the customer is off hold with bob",
                () -> Boolean.FALSE.equals(harness.world.participant(conference, customer).get("hold")));
        bob.hearsAndIsHeardBy(harness.sim, customer);
    }

    /** The transfer task, other than {@code previous}, that offers the conference's customer now. */
    private Optional<TaskDetails> offerOf(String conference, String previous) {
        List<TaskDetails> open = transfers.openTransfers(conference);
        return open.stream().filter(task -> !task.sid().equals(previous)).findFirst();
    }

    private void customerHearsHoldMusic(String conference, String customer) {
        Map<String, Object> party = harness.world.participant(conference, customer);
        assertThat(party).containsEntry("hold", true).containsEntry("holdUrl", HOLD_MUSIC);
    }

    /** What the agent's desktop does with the offer: the accept route, which joins them to the customer's conference. */
    private void accept(String identity, String taskSid, Reservation offer) {
        TaskState task = harness.taskRouter.fetchTask(taskSid);
        transfers.accept(new OutboundAgent(identity, worker(identity), identity, TestSoftphone.addressOf(identity)), taskSid,
                harness.workspace.voiceWorkflowSid(), offer.getSid(), TaskAttributesJson.read(task.attributesJson()));
    }

    private String aliceTaskOf(String conference, String aliceLeg) {
        return harness.engine.conference(conference).flatMap(c -> c.participant(aliceLeg))
                .map(p -> p.worker().taskSid()).orElseThrow();
    }

    private String worker(String identity) {
        return harness.agents.worker(identity);
    }
}
