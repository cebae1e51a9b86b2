package dev.lifeline.sim.taskrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import dev.lifeline.sim.core.ConferenceInstruction;
import dev.lifeline.sim.testsupport.SimFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conference instruction as TaskRouter carries it out, against a recording stand-in for the voice side. */
class ConferenceInstructionTest {

    private static final String CUSTOMER = "CA" + "c".repeat(32);

    private SimFixture sim;
    private ContactCenter center;
    private RecordingConferenceSwitch voice;
    private String workflow;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        center = ContactCenter.open(sim);
        voice = new RecordingConferenceSwitch();
        sim.sim().taskRouter().connect(voice);
        workflow = center.workflowTo(center.queue("Support"));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theInstructionDialsTheWorkersContactUriIntoAConferenceNamedByTheTaskWithEveryParameter() {
        center.availableWorker("alice");
        Task task = voiceTask();
        Reservation reservation = center.pending(task.getSid());

        Reservation.updater(center.workspaceSid, task.getSid(), reservation.getSid())
                .setInstruction("conference").setFrom("+15550001").setEndConferenceOnExit(false)
                .setConferenceStatusCallback("https://lifeline.example/conference")
                .setConferenceStatusCallbackEvent(List.of(Reservation.ConferenceEvent.START,
                        Reservation.ConferenceEvent.LEAVE, Reservation.ConferenceEvent.END))
                .update(center.client);

        ConferenceInstruction instruction = voice.instructions.get(0);
        assertThat(instruction.conferenceName()).isEqualTo(task.getSid());
        assertThat(instruction.customerCallSid()).isEqualTo(CUSTOMER);
        assertThat(instruction.to()).isEqualTo("client:alice");
        assertThat(instruction.from()).isEqualTo("+15550001");
        assertThat(instruction.param("EndConferenceOnExit")).isEqualTo("false");
        assertThat(instruction.params().get("ConferenceStatusCallbackEvent")).containsExactlyInAnyOrder("start", "leave", "end");
    }

    @Test
    void theReservationIsAcceptedWhenTheWorkerAnswersAndWrapsWhenTheWorkerLeaves() {
        center.availableWorker("alice");
        Task task = voiceTask();
        Reservation reservation = center.pending(task.getSid());
        Reservation.updater(center.workspaceSid, task.getSid(), reservation.getSid())
                .setInstruction("conference").update(center.client);

        voice.lastListener().answered(RecordingConferenceSwitch.workerCallSid(1), "CF" + "1".repeat(32));

        assertThat(center.status(task.getSid(), reservation.getSid())).isEqualTo(Reservation.Status.ACCEPTED);
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.ASSIGNED);

        voice.lastListener().left(RecordingConferenceSwitch.workerCallSid(1), "CF" + "1".repeat(32));

        assertThat(center.status(task.getSid(), reservation.getSid())).isEqualTo(Reservation.Status.WRAPPING);
        assertThat(center.fetch(task.getSid()).getAssignmentStatus()).isEqualTo(Task.Status.WRAPPING);
    }

    @Test
    void theWorkerMovesToThePostWorkActivityWhenTheirLegLeaves() {
        String alice = center.availableWorker("alice");
        Task task = voiceTask();
        Reservation reservation = center.pending(task.getSid());
        Reservation.updater(center.workspaceSid, task.getSid(), reservation.getSid())
                .setInstruction("conference").setPostWorkActivitySid(center.unavailable).update(center.client);
        voice.lastListener().answered(RecordingConferenceSwitch.workerCallSid(1), "CF" + "1".repeat(32));

        voice.lastListener().left(RecordingConferenceSwitch.workerCallSid(1), "CF" + "1".repeat(32));

        assertThat(com.twilio.rest.taskrouter.v1.workspace.Worker.fetcher(center.workspaceSid, alice).fetch(center.client)
                .getActivitySid()).isEqualTo(center.unavailable);
    }

    @Test
    void aWorkerLegThatNeverConnectsRejectsTheReservationAndTheTaskIsOfferedAgain() {
        center.availableWorker("alice");
        String bob = center.availableWorker("bob");
        Task task = voiceTask();
        Reservation first = center.pending(task.getSid());
        Reservation.updater(center.workspaceSid, task.getSid(), first.getSid())
                .setInstruction("conference").update(center.client);

        voice.lastListener().failed(RecordingConferenceSwitch.workerCallSid(1), "no-answer");

        assertThat(center.status(task.getSid(), first.getSid())).isEqualTo(Reservation.Status.REJECTED);
        Reservation second = center.pending(task.getSid());
        assertThat(second.getSid()).isNotEqualTo(first.getSid());
        assertThat(second.getWorkerSid()).isEqualTo(bob);
    }

    @Test
    void anInstructionOnAReservationThatIsNoLongerPendingIsRefused() {
        center.availableWorker("alice");
        Task task = voiceTask();
        Reservation reservation = center.pending(task.getSid());
        center.accept(task.getSid(), reservation.getSid());

        assertThatThrownBy(() -> Reservation.updater(center.workspaceSid, task.getSid(), reservation.getSid())
                .setInstruction("conference").update(center.client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo(40136);
                });
        assertThat(voice.instructions).isEmpty();
    }

    @Test
    void dequeueIsAnsweredWithAClearNotSupportedError() {
        center.availableWorker("alice");
        Task task = voiceTask();
        Reservation reservation = center.pending(task.getSid());

        assertThatThrownBy(() -> Reservation.updater(center.workspaceSid, task.getSid(), reservation.getSid())
                .setInstruction("dequeue").setDequeueFrom("+15550001").update(center.client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("not supported by the emulator");
                });
        assertThat(center.status(task.getSid(), reservation.getSid())).isEqualTo(Reservation.Status.PENDING);
    }

    @Test
    void anEnqueuedCallBecomesAVoiceTaskCarryingItsCallSid() {
        String taskSid = sim.sim().taskRouter().enqueue(CUSTOMER, workflow, "{\"isReconnect\":true}", 1000, 30);

        Task task = center.fetch(taskSid);
        assertThat(task.getTaskChannelUniqueName()).isEqualTo("voice");
        assertThat(task.getPriority()).isEqualTo(1000);
        assertThat(task.getTimeout()).isEqualTo(30);
        assertThat(task.getAttributes()).contains("\"call_sid\":\"" + CUSTOMER + "\"").contains("\"isReconnect\":true");
        assertThat(task.getWorkflowSid()).isEqualTo(workflow);
    }

    @Test
    void aCallerWhoHangsUpInTheQueueCancelsTheTaskAndItsPendingReservation() {
        center.availableWorker("alice");
        String taskSid = sim.sim().taskRouter().enqueue(CUSTOMER, workflow, "{}", null, null);
        Reservation reservation = center.pending(taskSid);

        sim.sim().taskRouter().callLeftQueue(CUSTOMER, "hangup");

        Task task = center.fetch(taskSid);
        assertThat(task.getAssignmentStatus()).isEqualTo(Task.Status.CANCELED);
        assertThat(task.getReason()).isEqualTo("hangup");
        assertThat(center.status(taskSid, reservation.getSid())).isEqualTo(Reservation.Status.CANCELED);
    }

    @Test
    void enqueueingOnAnUnknownWorkflowOrWithAttributesThatAreNotAnObjectIsRefused() {
        TaskRouterEmulator taskRouter = sim.sim().taskRouter();

        assertThatThrownBy(() -> taskRouter.enqueue(CUSTOMER, "WW" + "0".repeat(32), "{}", null, null))
                .isInstanceOf(dev.lifeline.sim.core.TwilioApiException.class).hasMessageContaining("workflowSid");
        assertThatThrownBy(() -> taskRouter.enqueue(CUSTOMER, workflow, "[1,2]", null, null))
                .isInstanceOf(dev.lifeline.sim.core.TwilioApiException.class).hasMessageContaining("attributes");
        assertThat(ContactCenter.list(Task.reader(center.workspaceSid).read(center.client))).isEmpty();
    }

    private Task voiceTask() {
        return Task.creator(center.workspaceSid).setWorkflowSid(workflow)
                .setAttributes("{\"call_sid\":\"" + CUSTOMER + "\"}").setTaskChannel("voice").create(center.client);
    }
}
