package dev.lifeline.sim.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** twilio-java's own RequestValidator accepts every conference callback the emulator signs. */
class CallbackSignatureTest {

    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        sim.sim().voice().registerAutoAnswer("+15550000001", Duration.ZERO);
        sim.sim().voice().registerAutoAnswer("+15550000002", Duration.ZERO);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private List<Received> produceCallbacks() {
        String url = sim.receiver().url("/status?tenant=acme&x=a%20b");
        for (String to : List.of("+15550000001", "+15550000002")) {
            Participant.creator("Support & Sales", new PhoneNumber("+15559990000"), new PhoneNumber(to))
                    .setLabel(to.endsWith("1") ? "customer ë" : "agent")
                    .setConferenceStatusCallback(url)
                    .setConferenceStatusCallbackEvent(List.of("start", "end", "join", "leave", "hold"))
                    .create(sim.client());
        }
        String conference = Conference.reader().read(sim.client()).iterator().next().getSid();
        Participant.updater(conference, "agent").setHold(true).update(sim.client());
        Conference.updater(conference).setStatus(Conference.UpdateStatus.COMPLETED).update(sim.client());
        sim.receiver().awaitOne(r -> "conference-end".equals(r.param("StatusCallbackEvent")));
        sim.awaitWebhooksIdle();
        return sim.receiver().all();
    }

    @Test
    void everySignedCallbackValidatesWithTheAccountAuthToken() {
        List<Received> callbacks = produceCallbacks();
        RequestValidator validator = new RequestValidator(sim.authToken());

        assertThat(callbacks).hasSizeGreaterThanOrEqualTo(7);
        assertThat(callbacks).allSatisfy(r -> {
            assertThat(r.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(validator.validate(r.url(), r.singleValuedParams(), r.header("X-Twilio-Signature"))).isTrue();
        });
    }

    @Test
    void aTamperedCallbackIsRejected() {
        Received hold = produceCallbacks().stream()
                .filter(r -> "participant-hold".equals(r.param("StatusCallbackEvent"))).findFirst().orElseThrow();
        Map<String, String> tampered = hold.singleValuedParams();
        tampered.put("Hold", "false");

        assertThat(new RequestValidator(sim.authToken()).validate(hold.url(), tampered, hold.header("X-Twilio-Signature")))
                .isFalse();
        assertThat(new RequestValidator("another-token").validate(hold.url(), hold.singleValuedParams(),
                hold.header("X-Twilio-Signature"))).isFalse();
    }

    @Test
    void aGetCallbackCarriesItsParametersInTheQueryAndSignsTheFullUrl() {
        Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                .setLabel("customer ë")
                .setConferenceStatusCallback(sim.receiver().url("/get-status"))
                .setConferenceStatusCallbackMethod(com.twilio.http.HttpMethod.GET)
                .setConferenceStatusCallbackEvent(List.of("join"))
                .create(sim.client());

        Received join = sim.receiver().awaitOne(r -> r.path().equals("/get-status"));

        assertThat(join.method()).isEqualTo("GET");
        assertThat(join.url()).contains("StatusCallbackEvent=participant-join");
        assertThat(new RequestValidator(sim.authToken()).validate(join.url(), Map.of(), join.header("X-Twilio-Signature")))
                .isTrue();
    }
}
