package dev.lifeline.sim.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code <Gather input="dtmf">}: keys from the scenario API, timeouts on the sim clock, the signed action request. */
class GatherTest {

    private static final String CUSTOMER = "+15551230001";
    private static final String NUMBER = "+15559990000";

    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** A customer calls the number whose voice URL answers {@code twiml} at {@code /voice}. */
    private String callIn(String twiml) {
        sim.receiver().serve("/voice", twiml);
        String callSid = sim.sim().voice().inboundCallToUrl(CUSTOMER, NUMBER, sim.receiver().url("/voice"), null);
        Await.until(() -> "gathering".equals(sim.callState(callSid).get("twimlActivity"))
                || "paused".equals(sim.callState(callSid).get("twimlActivity")));
        return callSid;
    }

    private HttpResponse<String> press(String callSid, String digits) {
        return sim.simJson("POST", "/sim/calls/" + callSid + "/digits", "{\"digits\":\"" + digits + "\"}");
    }

    private Received awaitRequest(String path, int count) {
        return sim.receiver().await(r -> r.path().equals(path), count, Duration.ofSeconds(5)).get(count - 1);
    }

    @Test
    void keysFromTheScenarioApiReachTheActionWithDigitsFinishedOnKeyAndTheCallsParametersSigned() {
        sim.receiver().serve("/menu", "<Response><Hangup/></Response>");
        String callSid = callIn("<Response><Gather action=\"menu\"><Say>Enter your account number then hash</Say>"
                + "</Gather><Say>Nothing entered</Say></Response>");

        HttpResponse<String> pressed = press(callSid, "42#");

        assertThat(pressed.statusCode()).isEqualTo(200);
        assertThat(pressed.body()).contains("\"gathered\":3");
        Received action = awaitRequest("/menu", 1);
        assertThat(action.method()).isEqualTo("POST");
        assertThat(action.param("Digits")).isEqualTo("42");
        assertThat(action.param("FinishedOnKey")).isEqualTo("#");
        assertThat(action.param("CallSid")).isEqualTo(callSid);
        assertThat(action.param("From")).isEqualTo(CUSTOMER);
        assertThat(action.param("To")).isEqualTo(NUMBER);
        assertThat(action.param("CallStatus")).isEqualTo("in-progress");
        assertThat(action.param("Direction")).isEqualTo("inbound");
        assertThat(action.param("AccountSid")).isEqualTo(sim.accountSid());
        assertThat(new RequestValidator(sim.authToken()).validate(action.url(), action.singleValuedParams(),
                action.header("X-Twilio-Signature"))).isTrue();
        Await.until(() -> "completed".equals(sim.sim().voice().callStatus(callSid)));
    }

    @Test
    void numDigitsEndsTheGatherAtOnceWithAnEmptyFinishedOnKey() {
        sim.receiver().serve("/menu", "<Response><Pause length=\"60\"/></Response>");
        String callSid = callIn("<Response><Gather action=\"/menu\" numDigits=\"1\"><Say>Press 1 for sales</Say>"
                + "</Gather></Response>");

        sim.sim().voice().sendDigits(callSid, "7");

        Received action = awaitRequest("/menu", 1);
        assertThat(action.param("Digits")).isEqualTo("7");
        assertThat(action.param("FinishedOnKey")).isEmpty();
    }

    @Test
    void theTimeoutRunsOnTheSimClockAndStartsAgainAtEachKey() {
        sim.receiver().serve("/menu", "<Response><Pause length=\"60\"/></Response>");
        String callSid = callIn("<Response><Gather action=\"/menu\" timeout=\"5\"/></Response>");

        sim.sim().voice().sendDigits(callSid, "1");
        sim.advance(Duration.ofSeconds(4));
        sim.sim().voice().sendDigits(callSid, "2");
        sim.advance(Duration.ofSeconds(4));
        assertThat(sim.callState(callSid)).containsEntry("twimlActivity", "gathering").containsEntry("gatheredDigits", "12");
        sim.advance(Duration.ofSeconds(1));

        Received action = awaitRequest("/menu", 1);
        assertThat(action.param("Digits")).isEqualTo("12");
        assertThat(action.param("FinishedOnKey")).isEmpty();
    }

    @Test
    void withoutInputTheNextVerbRunsAndNoActionIsRequested() {
        String callSid = callIn("<Response><Gather action=\"/menu\" timeout=\"3\"/><Pause length=\"10\"/></Response>");

        sim.advance(Duration.ofSeconds(3));

        assertThat(sim.callState(callSid)).containsEntry("twimlActivity", "paused");
        sim.advance(Duration.ofSeconds(10));
        assertThat(sim.sim().voice().callStatus(callSid)).isEqualTo("completed");
        assertThat(sim.sim().voice().effects(callSid)).doesNotContainKey("gatherActionRequested");
    }

    @Test
    void actionOnEmptyResultRequestsTheActionWithEmptyDigitsAfterTheTimeout() {
        sim.receiver().serve("/menu", "<Response><Hangup/></Response>");
        callIn("<Response><Gather action=\"/menu\" timeout=\"3\" actionOnEmptyResult=\"true\"/></Response>");

        sim.advance(Duration.ofSeconds(3));

        Received action = awaitRequest("/menu", 1);
        assertThat(action.param("Digits")).isEmpty();
        assertThat(action.param("FinishedOnKey")).isEmpty();
    }

    @Test
    void withoutAnActionTheDocumentItselfIsRequestedAgainWithTheGathersMethod() {
        String callSid = callIn("<Response><Gather method=\"GET\" numDigits=\"2\"/></Response>");

        sim.sim().voice().sendDigits(callSid, "35");

        Received again = sim.receiver().await(r -> r.path().equals("/voice"), 2, Duration.ofSeconds(5)).get(1);
        assertThat(again.method()).isEqualTo("GET");
        assertThat(again.url()).contains("Digits=35").contains("FinishedOnKey=");
        assertThat(new RequestValidator(sim.authToken()).validate(again.url(), java.util.Map.of(),
                again.header("X-Twilio-Signature"))).isTrue();
    }

    @Test
    void aKeyInterruptsTheNestedPromptsAndStartsTheTimeout() {
        sim.receiver().serve("/menu", "<Response><Pause length=\"60\"/></Response>");
        String callSid = callIn("<Response><Gather action=\"/menu\" timeout=\"5\"><Say>Welcome</Say>"
                + "<Pause length=\"30\"/><Play>https://x.example/menu.wav</Play></Gather></Response>");
        assertThat(sim.callState(callSid)).containsEntry("twimlActivity", "paused");

        sim.sim().voice().sendDigits(callSid, "9");
        sim.advance(Duration.ofSeconds(5));

        assertThat(awaitRequest("/menu", 1).param("Digits")).isEqualTo("9");
        assertThat(sim.sim().voice().effects(callSid)).doesNotContainKey("play"); // the prompt after the pause never ran
    }

    @Test
    void theTimeoutStartsOnlyOnceTheNestedPromptsAreOver() {
        String callSid = callIn("<Response><Gather action=\"/menu\" timeout=\"5\"><Pause length=\"30\"/></Gather>"
                + "<Hangup/></Response>");

        sim.advance(Duration.ofSeconds(30));
        assertThat(sim.callState(callSid)).containsEntry("twimlActivity", "gathering");
        sim.advance(Duration.ofSeconds(5));

        assertThat(sim.sim().voice().callStatus(callSid)).isEqualTo("completed");
    }

    @Test
    void anEmptyFinishOnKeyCollectsEveryKeyUntilTheTimeout() {
        sim.receiver().serve("/menu", "<Response><Hangup/></Response>");
        String callSid = callIn("<Response><Gather action=\"/menu\" finishOnKey=\"\" timeout=\"2\"/></Response>");

        sim.sim().voice().sendDigits(callSid, "1#2*");
        sim.advance(Duration.ofSeconds(2));

        assertThat(awaitRequest("/menu", 1).param("Digits")).isEqualTo("1#2*");
    }

    @Test
    void theFinishKeyAloneIsAnEmptyResultAndTheNextVerbRuns() {
        String callSid = callIn("<Response><Gather action=\"/menu\"/><Pause length=\"10\"/></Response>");

        sim.sim().voice().sendDigits(callSid, "#");

        assertThat(sim.callState(callSid)).containsEntry("twimlActivity", "paused");
        assertThat(sim.sim().voice().effects(callSid)).doesNotContainKey("gatherActionRequested");
    }

    @Test
    void keysPressedWhenNoGatherListensAreDropped() {
        String callSid = callIn("<Response><Pause length=\"10\"/><Gather action=\"/menu\" timeout=\"1\"/></Response>");

        HttpResponse<String> pressed = press(callSid, "5");
        sim.advance(Duration.ofSeconds(10));
        sim.advance(Duration.ofSeconds(1));

        assertThat(pressed.body()).contains("\"gathered\":0");
        assertThat(sim.sim().voice().effects(callSid)).containsEntry("digitIgnored", 1).doesNotContainKey("gatherActionRequested");
        assertThat(sim.sim().voice().callStatus(callSid)).isEqualTo("completed");
    }

    @Test
    void anOutboundCallWithInlineTwimlGathersToAnAbsoluteAction() {
        sim.sim().voice().registerAutoAnswer(CUSTOMER, Duration.ZERO);
        sim.receiver().serve("/confirm", "<Response><Hangup/></Response>");
        Call call = Call.creator(new PhoneNumber(CUSTOMER), new PhoneNumber(NUMBER), new Twiml("<Response>"
                        + "<Gather numDigits=\"1\" action=\"" + sim.receiver().url("/confirm") + "\"><Say>Press 1 to confirm"
                        + "</Say></Gather></Response>"))
                .create(sim.client());

        sim.sim().voice().sendDigits(call.getSid(), "1");

        Received action = awaitRequest("/confirm", 1);
        assertThat(action.param("Digits")).isEqualTo("1");
        assertThat(action.param("Direction")).isEqualTo("outbound-api");
    }

    @Test
    void inlineTwimlWithARelativeActionIsAnApplicationErrorWhenTheGatherEnds() {
        sim.sim().voice().registerAutoAnswer(CUSTOMER, Duration.ZERO);
        Call call = Call.creator(new PhoneNumber(CUSTOMER), new PhoneNumber(NUMBER),
                new Twiml("<Response><Gather numDigits=\"1\" action=\"/confirm\"/></Response>")).create(sim.client());

        sim.sim().voice().sendDigits(call.getSid(), "1");

        assertThat(sim.sim().voice().callStatus(call.getSid())).isEqualTo("completed");
        assertThat(sim.sim().voice().effects(call.getSid())).containsEntry("twimlError", 1);
    }

    @Test
    void speechGatherIsRefusedWithA400NamingIt() {
        sim.sim().voice().registerAutoAnswer(CUSTOMER, Duration.ZERO);
        assertThatThrownBy(() -> Call.creator(new PhoneNumber(CUSTOMER), new PhoneNumber(NUMBER),
                new Twiml("<Response><Gather input=\"speech\"/></Response>")).create(sim.client()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("speech recognition is not emulated");
                });
    }

    @Test
    void badDigitsAreRefusedAndChangeNothing() {
        String callSid = callIn("<Response><Gather action=\"/menu\"/></Response>");

        assertThat(press(callSid, "12x").statusCode()).isEqualTo(400);
        assertThat(press(callSid, "").statusCode()).isEqualTo(400);
        assertThat(press("CA00000000000000000000000000000000", "1").statusCode()).isEqualTo(404);
        assertThat(sim.simJson("POST", "/sim/calls/" + callSid + "/digits", "{}").statusCode()).isEqualTo(400);
        assertThat(sim.callState(callSid)).containsEntry("gatheredDigits", "");
        sim.sim().voice().hangUp(callSid);
        assertThat(press(callSid, "1").statusCode()).isEqualTo(400);
    }
}
