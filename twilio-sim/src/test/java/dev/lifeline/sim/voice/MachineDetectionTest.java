package dev.lifeline.sim.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answering Machine Detection on Calls create: {@code AnsweredBy} where and when Twilio sends it. */
class MachineDetectionTest {

    private static final String CUSTOMER = "+15551230001";

    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        sim.receiver().serve("/outbound", "<Response><Pause length=\"60\"/></Response>");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private void endpoint(String json) {
        assertThat(sim.simJson("POST", "/sim/endpoints", "{\"address\":\"" + CUSTOMER + "\"," + json + "}").statusCode())
                .isEqualTo(201);
    }

    private CallCreator call() {
        return Call.creator(new PhoneNumber(CUSTOMER), new PhoneNumber("+15559990000"),
                URI.create(sim.receiver().url("/outbound")));
    }

    private Received outboundRequest() {
        return sim.receiver().awaitOne(r -> r.path().equals("/outbound"));
    }

    @Test
    void synchronousDetectionHoldsTheTwimlUntilTheVerdictAndItsUrlRequestCarriesAnsweredBy() {
        endpoint("\"outcome\":\"answer\",\"detectionMillis\":1500");
        Call call = call().setMachineDetection("Enable").create(sim.client());
        assertThat(sim.callState(call.getSid())).containsEntry("twimlActivity", "detecting_machine");

        sim.advance(Duration.ofMillis(1500));

        Received request = outboundRequest();
        assertThat(request.param("AnsweredBy")).isEqualTo("human");
        assertThat(request.param("MachineDetectionDuration")).isEqualTo("1500");
        assertThat(request.param("CallStatus")).isEqualTo("in-progress");
        assertThat(new RequestValidator(sim.authToken()).validate(request.url(), request.singleValuedParams(),
                request.header("X-Twilio-Signature"))).isTrue();
        assertThat(Call.fetcher(call.getSid()).fetch(sim.client()).getAnsweredBy()).isEqualTo("human");
    }

    @Test
    void aMachineIsMachineStartWithEnableAndMachineEndBeepWithDetectMessageEnd() {
        endpoint("\"outcome\":\"machine\"");
        call().setMachineDetection("Enable").create(sim.client());
        sim.advance(EndpointBehaviour.DEFAULT_DETECTION);
        assertThat(outboundRequest().param("AnsweredBy")).isEqualTo("machine_start");

        sim.receiver().clear();
        call().setMachineDetection("DetectMessageEnd").create(sim.client());
        sim.advance(EndpointBehaviour.DEFAULT_DETECTION);
        assertThat(outboundRequest().param("AnsweredBy")).isEqualTo("machine_end_beep");
    }

    @Test
    void theScenarioCanNameTheVerdictAndAFaxIsFax() {
        endpoint("\"outcome\":\"machine\",\"answeredBy\":\"machine_end_silence\"");
        call().setMachineDetection("DetectMessageEnd").create(sim.client());
        sim.advance(EndpointBehaviour.DEFAULT_DETECTION);
        assertThat(outboundRequest().param("AnsweredBy")).isEqualTo("machine_end_silence");

        sim.receiver().clear();
        endpoint("\"outcome\":\"fax\"");
        call().setMachineDetection("Enable").create(sim.client());
        sim.advance(EndpointBehaviour.DEFAULT_DETECTION);
        assertThat(outboundRequest().param("AnsweredBy")).isEqualTo("fax");
    }

    @Test
    void aDetectionLongerThanMachineDetectionTimeoutIsUnknownAtTheTimeout() {
        endpoint("\"outcome\":\"machine\",\"detectionMillis\":40000");
        call().setMachineDetection("DetectMessageEnd").setMachineDetectionTimeout(10).create(sim.client());

        sim.advance(Duration.ofSeconds(10));

        Received request = outboundRequest();
        assertThat(request.param("AnsweredBy")).isEqualTo("unknown");
        assertThat(request.param("MachineDetectionDuration")).isEqualTo("10000");
    }

    @Test
    void asynchronousDetectionRunsTheTwimlAtOnceAndPostsTheVerdictToTheAmdCallbackSigned() {
        endpoint("\"outcome\":\"machine\",\"detectionMillis\":2500");
        Call call = call().setMachineDetection("Enable").setAsyncAmd("true")
                .setAsyncAmdStatusCallback(URI.create(sim.receiver().url("/amd")))
                .setAsyncAmdStatusCallbackMethod(HttpMethod.POST).create(sim.client());

        Received twiml = outboundRequest();
        assertThat(twiml.form()).doesNotContainKey("AnsweredBy");
        sim.advance(Duration.ofMillis(2500));

        Received amd = sim.receiver().awaitOne(r -> r.path().equals("/amd"));
        assertThat(amd.singleValuedParams()).containsExactlyInAnyOrderEntriesOf(Map.of("CallSid", call.getSid(),
                "AccountSid", sim.accountSid(), "AnsweredBy", "machine_start", "MachineDetectionDuration", "2500"));
        assertThat(new RequestValidator(sim.authToken()).validate(amd.url(), amd.singleValuedParams(),
                amd.header("X-Twilio-Signature"))).isTrue();
        assertThat(Call.fetcher(call.getSid()).fetch(sim.client()).getAnsweredBy()).isEqualTo("machine_start");
    }

    @Test
    void theCompletedStatusCallbackCarriesAnsweredByOnceDecided() {
        endpoint("\"outcome\":\"answer\"");
        Call call = call().setMachineDetection("Enable").setStatusCallback(URI.create(sim.receiver().url("/status")))
                .create(sim.client());
        sim.advance(EndpointBehaviour.DEFAULT_DETECTION);
        outboundRequest();

        Call.updater(call.getSid()).setStatus(Call.UpdateStatus.COMPLETED).update(sim.client());

        Received completed = sim.receiver().awaitOne(r -> r.path().equals("/status"));
        assertThat(completed.param("CallStatus")).isEqualTo("completed");
        assertThat(completed.param("AnsweredBy")).isEqualTo("human");
    }

    @Test
    void aPartyThatHangsUpDuringSynchronousDetectionNeverGetsItsTwimlRequested() {
        endpoint("\"outcome\":\"answer\"");
        Call call = call().setMachineDetection("Enable").create(sim.client());

        sim.sim().voice().hangUp(call.getSid());
        sim.advance(Duration.ofSeconds(5));

        assertThat(sim.sim().voice().callStatus(call.getSid())).isEqualTo("completed");
        sim.awaitWebhooksIdle();
        assertThat(sim.receiver().matching(r -> r.path().equals("/outbound"))).isEmpty();
    }

    @Test
    void badDetectionParametersAreRefusedNamingThem() {
        assertThatThrownBy(() -> call().setMachineDetection("Sometimes").create(sim.client()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("MachineDetection"));
        assertThatThrownBy(() -> call().setMachineDetection("Enable").setMachineDetectionTimeout(2).create(sim.client()))
                .hasMessageContaining("MachineDetectionTimeout");
        assertThatThrownBy(() -> call().setMachineDetection("Enable").setAsyncAmd("maybe").create(sim.client()))
                .hasMessageContaining("AsyncAmd");
        assertThatThrownBy(() -> call().setMachineDetection("Enable").setMachineDetectionSpeechThreshold(999)
                .create(sim.client())).hasMessageContaining("MachineDetectionSpeechThreshold");
        assertThat(sim.authed("POST", "/2010-04-01/Accounts/" + sim.accountSid() + "/Calls.json",
                "To=%2B15551230001&From=%2B15559990000&Twiml=%3CResponse%2F%3E&MachineDetection=Enable"
                        + "&AsyncAmdStatusCallback=not-a-url").statusCode()).isEqualTo(400);
        assertThat(sim.sim().voice().snapshot().get("calls").toString()).isEqualTo("[]");
    }
}
