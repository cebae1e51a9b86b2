package dev.lifeline.sim.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a call does with its TwiML; time-based verbs run on the sim clock. */
class TwimlExecutionTest {

    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        sim.sim().voice().registerAutoAnswer("+15550000001", Duration.ZERO);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Call call(String twiml) {
        return Call.creator(new PhoneNumber("+15550000001"), new PhoneNumber("+15559990000"), new Twiml(twiml))
                .create(sim.client());
    }

    @Test
    void pauseWaitsOnTheSimClockAndTheCallCompletesWhenItsTwimlRunsOut() {
        Call call = call("<Response><Say>Hello</Say><Pause length=\"10\"/></Response>");

        sim.advance(Duration.ofSeconds(9));
        assertThat(sim.sim().voice().callStatus(call.getSid())).isEqualTo("in-progress");
        sim.advance(Duration.ofSeconds(1));

        Call done = Call.fetcher(call.getSid()).fetch(sim.client());
        assertThat(done.getStatus()).isEqualTo(Call.Status.COMPLETED);
        assertThat(done.getDuration()).isEqualTo("10");
    }

    @Test
    void holdMusicWithLoopZeroPlaysUntilTheCallIsRedirected() {
        Call call = call("<Response><Play loop=\"0\">https://x.example/music.mp3</Play><Hangup/></Response>");
        sim.advance(Duration.ofHours(1));
        assertThat(sim.sim().voice().callStatus(call.getSid())).isEqualTo("in-progress");

        Call.updater(call.getSid()).setTwiml("<Response><Dial><Conference>after-music</Conference></Dial></Response>")
                .update(sim.client());

        assertThat(Conference.reader().setFriendlyName("after-music").read(sim.client()).iterator().hasNext()).isTrue();
        assertThat(sim.sim().voice().effects(call.getSid())).containsEntry("play", 1).containsEntry("redirect", 1);
    }

    @Test
    void aRedirectCancelsAPendingPause() {
        Call call = call("<Response><Pause length=\"5\"/><Hangup/></Response>");

        Call.updater(call.getSid()).setTwiml("<Response><Play loop=\"0\">https://x.example/m.mp3</Play></Response>")
                .update(sim.client());
        sim.advance(Duration.ofSeconds(10));

        assertThat(sim.sim().voice().callStatus(call.getSid())).isEqualTo("in-progress");
    }

    @Test
    void aCallCreatedWithAUrlFetchesItsTwimlWithASignedRequest() {
        sim.receiver().serve("/voice", "<Response><Dial><Conference>from-url</Conference></Dial></Response>");

        Call call = Call.creator(new PhoneNumber("+15550000001"), new PhoneNumber("+15559990000"),
                java.net.URI.create(sim.receiver().url("/voice"))).create(sim.client());

        Await.until(() -> Conference.reader().setFriendlyName("from-url").read(sim.client()).iterator().hasNext());
        Received fetch = sim.receiver().awaitOne(r -> r.path().equals("/voice"));
        assertThat(fetch.param("CallSid")).isEqualTo(call.getSid());
        assertThat(new com.twilio.security.RequestValidator(sim.authToken())
                .validate(fetch.url(), fetch.singleValuedParams(), fetch.header("X-Twilio-Signature"))).isTrue();
    }

    @Test
    void anEnqueueToAnUnknownWorkflowMovesOnToTheNextVerb() {
        Call call = call("<Response><Enqueue workflowSid=\"WW00000000000000000000000000000000\"/><Hangup/></Response>");

        assertThat(sim.sim().voice().callStatus(call.getSid())).isEqualTo("completed");
        assertThat(sim.sim().voice().effects(call.getSid())).containsEntry("enqueueFailed", 1);
    }

    @Test
    void callProgressCallbacksReportRingingAnsweredAndCompleted() {
        String url = sim.receiver().url("/progress");
        Call call = Call.creator(new PhoneNumber("+15550000001"), new PhoneNumber("+15559990000"),
                        new Twiml("<Response><Hangup/></Response>"))
                .setStatusCallback(url)
                .setStatusCallbackEvent(java.util.List.of("initiated", "ringing", "answered", "completed"))
                .create(sim.client());

        var callbacks = sim.receiver().await(r -> call.getSid().equals(r.param("CallSid")), 4, Duration.ofSeconds(5));
        assertThat(callbacks).extracting(r -> r.param("CallStatus"))
                .containsExactly("queued", "ringing", "in-progress", "completed");
    }

    @Test
    void aRedirectVerbFetchesItsUrlRelativeToTheDocumentWithItsMethodAndRunsIt() {
        sim.receiver().serve("/voice/start", "<Response><Redirect method=\"GET\">next?step=2</Redirect>"
                + "<Say>not reached</Say></Response>");
        sim.receiver().serve("/voice/next", "<Response><Redirect>/final</Redirect></Response>");
        sim.receiver().serve("/final", "<Response><Pause length=\"30\"/></Response>");

        String caller = sim.sim().voice().inboundCallToUrl("+15551230001", "+15559990000",
                sim.receiver().url("/voice/start"), null);

        Received next = sim.receiver().awaitOne(r -> r.path().equals("/voice/next"));
        assertThat(next.method()).isEqualTo("GET");
        assertThat(next.url()).contains("step=2").contains("CallSid=" + caller);
        Received last = sim.receiver().awaitOne(r -> r.path().equals("/final"));
        assertThat(last.method()).isEqualTo("POST");
        assertThat(new com.twilio.security.RequestValidator(sim.authToken())
                .validate(last.url(), last.singleValuedParams(), last.header("X-Twilio-Signature"))).isTrue();
        Await.until(() -> "paused".equals(sim.callState(caller).get("activity")));
        assertThat(sim.sim().voice().effects(caller)).containsEntry("redirectVerb", 2).doesNotContainKey("say");
    }

    @Test
    void leaveOutsideAQueueIsIgnoredAndTheNextVerbRuns() {
        Call call = call("<Response><Leave/><Pause length=\"5\"/></Response>");

        assertThat(sim.callState(call.getSid())).containsEntry("activity", "paused");
        assertThat(sim.sim().voice().effects(call.getSid())).containsEntry("leaveIgnored", 1);
    }

    @Test
    void aQueueByNameHoldsTheCallWithTheBuiltInMusicUntilItHangsUp() {
        Call call = call("<Response><Enqueue>support</Enqueue></Response>");
        sim.advance(Duration.ofHours(1));

        assertThat(sim.callState(call.getSid())).containsEntry("activity", "queued").containsEntry("queuePosition", 1);
        sim.sim().voice().hangUp(call.getSid());
        assertThat(sim.sim().voice().effects(call.getSid())).containsEntry("leftQueue", 1);
    }
}
