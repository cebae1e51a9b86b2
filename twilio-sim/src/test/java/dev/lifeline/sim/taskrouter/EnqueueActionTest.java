package dev.lifeline.sim.taskrouter;

import static dev.lifeline.sim.taskrouter.ContactCenter.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.Queue;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.rest.taskrouter.v1.workspace.task.Reservation;
import com.twilio.security.RequestValidator;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code <Enqueue action>}: when it is requested and with which {@code QueueResult}. */
class EnqueueActionTest {

    private SimFixture sim;
    private QueuedCallers callers;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        callers = new QueuedCallers(sim);
        callers.serve("/after", "<Response><Say>Thank you for calling</Say><Pause length=\"30\"/></Response>");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** An agent takes the caller through a reservation's conference instruction; returns the agent's leg. */
    private String agentTakes(String callerSid) {
        callers.center.availableWorker("alice");
        sim.sim().voice().registerAutoAnswer("client:alice", Duration.ZERO);
        Task task = list(Task.reader(callers.center.workspaceSid).read(sim.client())).get(0);
        Reservation reservation = callers.center.pending(task.getSid());
        Reservation.updater(callers.center.workspaceSid, task.getSid(), reservation.getSid())
                .setInstruction("conference").setEndConferenceOnExit(true).update(sim.client());
        Conference conference = list(Conference.reader().setFriendlyName(task.getSid()).read(sim.client())).get(0);
        return list(Participant.reader(conference.getSid()).read(sim.client())).stream().map(Participant::getCallSid)
                .filter(sid -> !sid.equals(callerSid)).findFirst().orElseThrow();
    }

    @Test
    void aCallerWhoHangsUpInTheQueueTellsTheActionHangupWithQueueSidAndQueueTimeSigned() {
        callers.voiceUrlEnqueues("action=\"/after\" method=\"POST\"", "");
        String caller = callers.callIn("+15551230001");
        sim.advance(Duration.ofSeconds(42));

        sim.sim().voice().hangUp(caller);

        Received after = callers.request("/after", 1);
        assertThat(after.param("QueueResult")).isEqualTo("hangup");
        assertThat(after.param("QueueTime")).isEqualTo("42");
        assertThat(after.param("QueueSid")).startsWith("QU");
        assertThat(after.param("CallSid")).isEqualTo(caller);
        assertThat(after.param("CallStatus")).isEqualTo("completed");
        assertThat(new RequestValidator(sim.authToken()).validate(after.url(), after.singleValuedParams(),
                after.header("X-Twilio-Signature"))).isTrue();
    }

    @Test
    void aCallRedirectedOutOfTheQueueTellsTheActionRedirectedAndRunsItsNewTwiml() {
        callers.voiceUrlEnqueues("action=\"/after\"", "");
        String caller = callers.callIn("+15551230001");

        Call.updater(caller).setTwiml("<Response><Pause length=\"60\"/></Response>").update(sim.client());

        assertThat(callers.request("/after", 1).param("QueueResult")).isEqualTo("redirected");
        assertThat(sim.callState(caller)).containsEntry("activity", "paused");
        assertThat(list(Task.reader(callers.center.workspaceSid).read(sim.client())).get(0).getAssignmentStatus())
                .isEqualTo(Task.Status.CANCELED);
    }

    @Test
    void aBridgedCallTellsTheActionBridgedWhenTheConferenceEndsAndGoesOnWithWhatItAnswers() {
        callers.voiceUrlEnqueues("action=\"/after\"", "<Say>not reached: the action answered</Say>");
        String caller = callers.callIn("+15551230001");
        sim.advance(Duration.ofSeconds(12));
        String agent = agentTakes(caller);
        sim.advance(Duration.ofSeconds(60));
        assertThat(callers.requests("/after")).isEmpty();

        sim.sim().voice().hangUp(agent); // the agent had endConferenceOnExit: the conference ends

        Received after = callers.request("/after", 1);
        assertThat(after.param("QueueResult")).isEqualTo("bridged");
        assertThat(after.param("QueueTime")).isEqualTo("12");
        assertThat(after.param("CallStatus")).isEqualTo("in-progress");
        callers.awaitTwiml(caller, "paused");
        assertThat(sim.sim().voice().callStatus(caller)).isEqualTo("in-progress");
    }

    @Test
    void aBridgedCallerWhoHangsUpTellsTheActionBridged() {
        callers.voiceUrlEnqueues("action=\"/after\"", "");
        String caller = callers.callIn("+15551230001");
        agentTakes(caller);

        sim.sim().voice().hangUp(caller);

        Received after = callers.request("/after", 1);
        assertThat(after.param("QueueResult")).isEqualTo("bridged");
        assertThat(after.param("CallStatus")).isEqualTo("completed");
    }

    @Test
    void aBridgedCallRedirectedByTheApiTellsTheActionRedirectedFromBridged() {
        callers.voiceUrlEnqueues("action=\"/after\"", "");
        String caller = callers.callIn("+15551230001");
        agentTakes(caller);

        Call.updater(caller).setTwiml("<Response><Enqueue workflowSid=\"" + callers.workflow + "\"/></Response>")
                .update(sim.client());

        assertThat(callers.request("/after", 1).param("QueueResult")).isEqualTo("redirected-from-bridged");
        assertThat(sim.callState(caller)).containsEntry("activity", "queued");
    }

    @Test
    void aFullQueueRefusesTheCallerWithQueueFullAndNoQueueSid() {
        callers.voiceUrlEnqueues("action=\"/after\"", "");
        callers.callIn("+15551230001");
        Queue queue = list(Queue.reader().read(sim.client())).get(0);
        Queue.updater(queue.getSid()).setMaxSize(1).update(sim.client());

        String refused = callers.dial("+15551230002");

        Received after = callers.request("/after", 1);
        assertThat(after.param("CallSid")).isEqualTo(refused);
        assertThat(after.param("QueueResult")).isEqualTo("queue-full");
        assertThat(after.form()).doesNotContainKeys("QueueSid", "QueueTime");
        assertThat(list(Task.reader(callers.center.workspaceSid).read(sim.client()))).hasSize(1);
    }

    @Test
    void anEnqueueToAnUnknownWorkflowTellsTheActionError() {
        callers.serve("/voice", "<Response><Enqueue workflowSid=\"WW00000000000000000000000000000000\" action=\"/after\"/>"
                + "</Response>");

        String caller = callers.dial("+15551230001");

        assertThat(callers.request("/after", 1).param("QueueResult")).isEqualTo("error");
        assertThat(callers.effect(caller, "enqueueFailed")).isEqualTo(1);
    }

    @Test
    void withoutAnActionACallThatLeavesGoesOnWithTheVerbAfterItsEnqueue() {
        callers.voiceUrlEnqueues("waitUrl=\"/wait\"", "<Pause length=\"9\"/>");
        callers.serve("/wait", "<Response><Leave/></Response>");

        String caller = callers.dial("+15551230001");

        Await.until(() -> "paused".equals(sim.callState(caller).get("activity")));
        sim.advance(Duration.ofSeconds(9));
        assertThat(sim.sim().voice().callStatus(caller)).isEqualTo("completed");
    }
}
