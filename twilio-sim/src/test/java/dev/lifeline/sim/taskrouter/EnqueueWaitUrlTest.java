package dev.lifeline.sim.taskrouter;

import static dev.lifeline.sim.taskrouter.ContactCenter.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.taskrouter.v1.workspace.Task;
import com.twilio.security.RequestValidator;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code <Enqueue waitUrl>}: the wait document, its documented parameters, its loop and the verbs it may use. */
class EnqueueWaitUrlTest {

    private SimFixture sim;
    private QueuedCallers callers;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        callers = new QueuedCallers(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theWaitUrlIsRequestedWhenQueuedAndAgainWhenItsDocumentEndsWithTheQueueFiguresSigned() {
        callers.voiceUrlEnqueues("waitUrl=\"/wait\"", "");
        callers.serve("/wait", "<Response><Say>Thank you for holding</Say><Pause length=\"20\"/></Response>");

        String first = callers.callIn("+15551230001");
        Received firstWait = callers.request("/wait", 1);
        callers.awaitTwiml(first, "paused");
        sim.advance(Duration.ofSeconds(10));
        String second = callers.callIn("+15551230002");
        Received secondWait = callers.request("/wait", 2);
        callers.awaitTwiml(second, "paused");
        sim.advance(Duration.ofSeconds(10));
        Received firstAgain = callers.request("/wait", 3);

        assertThat(firstWait.method()).isEqualTo("POST");
        assertThat(firstWait.param("CallSid")).isEqualTo(first);
        assertThat(firstWait.param("QueueSid")).startsWith("QU").hasSize(34);
        assertThat(firstWait.param("QueuePosition")).isEqualTo("1");
        assertThat(firstWait.param("QueueTime")).isEqualTo("0");
        assertThat(firstWait.param("AvgQueueTime")).isEqualTo("0");
        assertThat(firstWait.param("CurrentQueueSize")).isEqualTo("1");
        assertThat(firstWait.param("MaxQueueSize")).isEqualTo("100");
        assertThat(firstWait.param("From")).isEqualTo("+15551230001");
        assertThat(firstWait.param("CallStatus")).isEqualTo("in-progress");
        assertThat(new RequestValidator(sim.authToken()).validate(firstWait.url(), firstWait.singleValuedParams(),
                firstWait.header("X-Twilio-Signature"))).isTrue();

        assertThat(secondWait.param("CallSid")).isEqualTo(second);
        assertThat(secondWait.param("QueuePosition")).isEqualTo("2");
        assertThat(secondWait.param("QueueTime")).isEqualTo("0");
        assertThat(secondWait.param("AvgQueueTime")).isEqualTo("5");
        assertThat(secondWait.param("CurrentQueueSize")).isEqualTo("2");
        assertThat(secondWait.param("QueueSid")).isEqualTo(firstWait.param("QueueSid"));

        assertThat(firstAgain.param("CallSid")).isEqualTo(first);
        assertThat(firstAgain.param("QueuePosition")).isEqualTo("1");
        assertThat(firstAgain.param("QueueTime")).isEqualTo("20");
        assertThat(firstAgain.param("AvgQueueTime")).isEqualTo("15");
    }

    @Test
    void aWaitDocumentThatTakesNoTimeIsAskedForAgainOnlyAfterTheFloor() {
        callers.voiceUrlEnqueues("waitUrl=\"/wait\"", "");
        callers.serve("/wait", "<Response><Say>You are first in line</Say></Response>");
        String caller = callers.callIn("+15551230001");
        callers.request("/wait", 1);
        callers.awaitTwiml(caller, "queued");

        sim.advance(Duration.ofSeconds(4));
        assertThat(callers.effect(caller, "waitUrlRequested")).isEqualTo(1);
        sim.advance(Duration.ofSeconds(1));

        assertThat(callers.effect(caller, "waitUrlRequested")).isEqualTo(2);
        assertThat(callers.request("/wait", 2).param("QueueTime")).isEqualTo("5");
    }

    @Test
    void aWaitDocumentThatEndsAfterTheFloorHasPassedIsAskedForAgainAtOnce() {
        callers.voiceUrlEnqueues("waitUrl=\"/wait\"", "");
        callers.serve("/wait", "<Response><Gather numDigits=\"1\" action=\"/wait-choice\" timeout=\"30\"/></Response>");
        callers.serve("/wait-choice", "<Response><Say>Noted</Say></Response>");
        String caller = callers.callIn("+15551230001");
        callers.request("/wait", 1);
        callers.awaitTwiml(caller, "gathering");
        sim.advance(Duration.ofSeconds(6));

        sim.sim().voice().sendDigits(caller, "2");

        callers.request("/wait-choice", 1);
        assertThat(callers.request("/wait", 2).param("QueueTime")).isEqualTo("6"); // no further clock move was needed
    }

    @Test
    void aWaitUrlThatAnswersAudioIsPlayedAndAskedForAgain() {
        callers.voiceUrlEnqueues("waitUrl=\"/music.wav\" waitUrlMethod=\"GET\"", "");
        callers.serve("/music.wav", "RIFF....WAVEfmt ");
        String caller = callers.callIn("+15551230001");

        Received wait = callers.request("/music.wav", 1);
        Await.until(() -> callers.effect(caller, "play") == 1);
        sim.advance(Duration.ofSeconds(5));

        assertThat(wait.method()).isEqualTo("GET");
        assertThat(wait.url()).contains("QueuePosition=1");
        assertThat(callers.request("/music.wav", 2).method()).isEqualTo("GET");
    }

    @Test
    void leaveInTheWaitDocumentTakesTheCallOutAndItGoesOnAfterItsEnqueueAndTheTaskIsCanceled() {
        callers.voiceUrlEnqueues("waitUrl=\"/wait\"", "<Say>We are closed</Say><Pause length=\"7\"/>");
        callers.serve("/wait", "<Response><Say>The line is closing</Say><Leave/></Response>");
        String caller = callers.dial("+15551230001");

        Await.until(() -> "paused".equals(sim.callState(caller).get("activity")));

        Task task = list(Task.reader(callers.center.workspaceSid).read(sim.client())).get(0);
        assertThat(task.getAssignmentStatus()).isEqualTo(Task.Status.CANCELED);
        assertThat(callers.effect(caller, "leftQueue")).isEqualTo(1);
        sim.advance(Duration.ofSeconds(7));
        assertThat(sim.sim().voice().callStatus(caller)).isEqualTo("completed");
    }

    @Test
    void aGatherInTheWaitDocumentOffersACallbackAndItsAnswerLeavesTheQueueThroughTheEnqueueAction() {
        callers.voiceUrlEnqueues("waitUrl=\"/wait\" action=\"/after\"", "<Say>never reached</Say>");
        callers.serve("/wait", "<Response><Gather numDigits=\"1\" action=\"/wait-choice\" timeout=\"10\">"
                + "<Say>Press 1 to be called back</Say></Gather></Response>");
        callers.serve("/wait-choice", "<Response><Say>We will call you back</Say><Leave/></Response>");
        callers.serve("/after", "<Response><Hangup/></Response>");
        String caller = callers.callIn("+15551230001");
        callers.request("/wait", 1);
        callers.awaitTwiml(caller, "gathering");
        sim.advance(Duration.ofSeconds(10)); // the gather times out, the document ends and is asked for again
        callers.request("/wait", 2);
        callers.awaitTwiml(caller, "gathering");

        sim.sim().voice().sendDigits(caller, "1");

        assertThat(callers.request("/wait-choice", 1).param("Digits")).isEqualTo("1");
        Received after = callers.request("/after", 1);
        assertThat(after.param("QueueResult")).isEqualTo("leave");
        assertThat(after.param("QueueTime")).isEqualTo("10");
        assertThat(after.param("QueueSid")).startsWith("QU");
        Await.until(() -> "completed".equals(sim.sim().voice().callStatus(caller)));
        assertThat(callers.requests("/wait")).hasSize(2);
    }

    @Test
    void aRedirectInTheWaitDocumentRunsThereAndTheWaitUrlIsAskedForAgainAfterwards() {
        callers.voiceUrlEnqueues("waitUrl=\"/wait\"", "");
        callers.serve("/wait", "<Response><Redirect method=\"GET\">/wait-more</Redirect></Response>");
        callers.serve("/wait-more", "<Response><Pause length=\"8\"/></Response>");
        String caller = callers.callIn("+15551230001");

        Received more = callers.request("/wait-more", 1);
        callers.awaitTwiml(caller, "paused");
        sim.advance(Duration.ofSeconds(8));

        assertThat(more.method()).isEqualTo("GET");
        assertThat(callers.request("/wait", 2).param("QueueTime")).isEqualTo("8");
        assertThat(sim.callState(caller)).containsEntry("activity", "queued");
    }

    @Test
    void aVerbAWaitDocumentMayNotUseEndsTheWaitWithQueueResultError() {
        callers.voiceUrlEnqueues("waitUrl=\"/wait\" action=\"/after\"", "");
        callers.serve("/wait", "<Response><Dial><Conference>elsewhere</Conference></Dial></Response>");
        callers.serve("/after", "<Response><Hangup/></Response>");
        String caller = callers.callIn("+15551230001");

        Received after = callers.request("/after", 1);

        assertThat(after.param("QueueResult")).isEqualTo("error");
        Await.until(() -> "completed".equals(sim.sim().voice().callStatus(caller)));
        assertThat(callers.effect(caller, "dialConference")).isZero();
    }

    @Test
    void hangupInTheWaitDocumentEndsTheCallAndTellsTheActionHangup() {
        callers.voiceUrlEnqueues("waitUrl=\"/wait\" action=\"/after\"", "");
        callers.serve("/wait", "<Response><Hangup/></Response>");
        String caller = callers.dial("+15551230001");

        Received after = callers.request("/after", 1);

        assertThat(after.param("QueueResult")).isEqualTo("hangup");
        assertThat(after.param("CallStatus")).isEqualTo("completed");
        assertThat(sim.sim().voice().callStatus(caller)).isEqualTo("completed");
    }

    @Test
    void anEmptyWaitUrlIsSilenceAndNothingIsRequested() {
        callers.voiceUrlEnqueues("waitUrl=\"\"", "");
        String caller = callers.callIn("+15551230001");

        sim.advance(Duration.ofMinutes(5));

        assertThat(callers.effect(caller, "waitUrlRequested")).isZero();
        assertThat(sim.callState(caller)).containsEntry("activity", "queued");
    }
}
