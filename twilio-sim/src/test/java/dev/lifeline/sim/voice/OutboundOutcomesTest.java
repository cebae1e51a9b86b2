package dev.lifeline.sim.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a dialled number does, set through {@code POST /sim/endpoints}: statuses and progress callbacks as Twilio sends them. */
class OutboundOutcomesTest {

    private static final String CUSTOMER = "+15551230001";

    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int endpoint(String json) {
        return sim.simJson("POST", "/sim/endpoints", json).statusCode();
    }

    private Call dial(Integer timeout) {
        var creator = Call.creator(new PhoneNumber(CUSTOMER), new PhoneNumber("+15559990000"),
                        new Twiml("<Response><Pause length=\"30\"/></Response>"))
                .setStatusCallback(sim.receiver().url("/progress"))
                .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"));
        if (timeout != null) {
            creator.setTimeout(timeout);
        }
        return creator.create(sim.client());
    }

    private List<String> progress(Call call, int count) {
        return sim.receiver().await(r -> call.getSid().equals(r.param("CallSid")), count, Duration.ofSeconds(5)).stream()
                .map(r -> r.param("CallStatus")).toList();
    }

    @Test
    void aBusyLineRingsForTheDelayThenEndsBusy() {
        assertThat(endpoint("{\"address\":\"" + CUSTOMER + "\",\"outcome\":\"busy\",\"delayMillis\":3000}")).isEqualTo(201);
        Call call = dial(null);

        sim.advance(Duration.ofSeconds(2));
        assertThat(Call.fetcher(call.getSid()).fetch(sim.client()).getStatus()).isEqualTo(Call.Status.RINGING);
        sim.advance(Duration.ofSeconds(1));

        Call done = Call.fetcher(call.getSid()).fetch(sim.client());
        assertThat(done.getStatus()).isEqualTo(Call.Status.BUSY);
        assertThat(done.getDuration()).isEqualTo("0");
        assertThat(progress(call, 3)).containsExactly("queued", "ringing", "busy");
        Received last = sim.receiver().matching(r -> call.getSid().equals(r.param("CallSid"))).get(2);
        assertThat(last.param("CallDuration")).isEqualTo("0");
    }

    @Test
    void aNumberThatNeverAnswersRingsUntilTheCallsTimeoutThenIsNoAnswer() {
        endpoint("{\"address\":\"" + CUSTOMER + "\",\"outcome\":\"no-answer\"}");
        Call call = dial(20);

        sim.advance(Duration.ofSeconds(19));
        assertThat(sim.sim().voice().callStatus(call.getSid())).isEqualTo("ringing");
        sim.advance(Duration.ofSeconds(1));

        assertThat(Call.fetcher(call.getSid()).fetch(sim.client()).getStatus()).isEqualTo(Call.Status.NO_ANSWER);
        assertThat(progress(call, 3)).containsExactly("queued", "ringing", "no-answer");
    }

    @Test
    void aFailingNumberEndsFailed() {
        sim.sim().voice().registerEndpoint(CUSTOMER, new EndpointBehaviour(EndpointBehaviour.Outcome.FAILED, Duration.ZERO,
                null, null));
        Call call = dial(null);

        assertThat(Call.fetcher(call.getSid()).fetch(sim.client()).getStatus()).isEqualTo(Call.Status.FAILED);
        assertThat(progress(call, 3)).containsExactly("queued", "ringing", "failed");
    }

    @Test
    void aPersonAnswersAfterTheDelayAndTheCallRunsItsTwiml() {
        endpoint("{\"address\":\"" + CUSTOMER + "\",\"outcome\":\"answer\",\"delayMillis\":4000}");
        Call call = dial(null);

        sim.advance(Duration.ofSeconds(4));

        assertThat(progress(call, 3)).containsExactly("queued", "ringing", "in-progress");
        assertThat(sim.callState(call.getSid())).containsEntry("twimlActivity", "paused");
        sim.advance(Duration.ofSeconds(30));
        assertThat(progress(call, 4)).containsExactly("queued", "ringing", "in-progress", "completed");
    }

    @Test
    void badEndpointSettingsAreRefusedAndTheEndpointCanBeRemoved() {
        assertThat(endpoint("{\"address\":\"" + CUSTOMER + "\",\"outcome\":\"maybe\"}")).isEqualTo(400);
        assertThat(endpoint("{\"address\":\"" + CUSTOMER + "\",\"outcome\":\"machine\",\"answeredBy\":\"robot\"}")).isEqualTo(400);
        assertThat(endpoint("{\"address\":\"" + CUSTOMER + "\",\"delayMillis\":-1}")).isEqualTo(400);
        assertThat(endpoint("{\"address\":\"" + CUSTOMER + "\",\"detectionMillis\":-5}")).isEqualTo(400);
        assertThat(endpoint("{\"outcome\":\"busy\"}")).isEqualTo(400);
        assertThat(sim.callState(dial(null).getSid())).containsEntry("status", "ringing"); // nothing was set

        assertThat(endpoint("{\"address\":\"" + CUSTOMER + "\",\"outcome\":\"fax\",\"detectionMillis\":900}")).isEqualTo(201);
        assertThat(sim.sim().voice().snapshot().get("endpoints").toString()).contains("outcome=fax", "detectionMillis=900");
        assertThat(sim.simJson("DELETE", "/sim/endpoints?address=%2B15551230001", null).statusCode()).isEqualTo(204);
        assertThat(sim.sim().voice().snapshot().get("endpoints").toString()).doesNotContain(CUSTOMER);
    }
}
