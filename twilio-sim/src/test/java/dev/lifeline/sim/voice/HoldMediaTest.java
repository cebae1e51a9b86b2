package dev.lifeline.sim.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Holding a participant with {@code HoldUrl} makes Twilio request that URL ({@code HoldMethod}, GET by default)
 * with the call's parameters, signed, and play what it answers.
 */
class HoldMediaTest {

    private SimFixture sim;
    private Participant customer;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        sim.sim().voice().registerAutoAnswer("+15550000001", Duration.ZERO);
        sim.sim().voice().registerAutoAnswer("+15550000002", Duration.ZERO);
        customer = Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                .setLabel("customer").create(sim.client());
        Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000002"))
                .setLabel("agent").create(sim.client());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void holdingWithAHoldUrlRequestsItWithGetAndTheCallsSignedParameters() {
        sim.receiver().serve("/hold", "<Response><Play loop=\"0\">https://x.example/music.mp3</Play></Response>");

        Participant.updater(customer.getConferenceSid(), "customer").setHold(true)
                .setHoldUrl(URI.create(sim.receiver().url("/hold"))).update(sim.client());

        Received fetch = sim.receiver().awaitOne(r -> r.path().equals("/hold"));
        assertThat(fetch.method()).isEqualTo("GET");
        assertThat(fetch.url()).contains("CallSid=" + customer.getCallSid());
        assertThat(new RequestValidator(sim.authToken()).validate(fetch.url(), Map.of(), fetch.header("X-Twilio-Signature")))
                .isTrue();
        String playing = "playing " + sim.receiver().url("/hold");
        Await.until(() -> playing.equals(sim.sim().voice().holdMedia(customer.getCallSid())),
                Duration.ofSeconds(15), () -> "the hold media is playing");
    }

    @Test
    void holdMethodPostSendsTheParametersAsASignedForm() {
        sim.receiver().serve("/hold", "<Response><Say>Please hold</Say></Response>");

        Participant.updater(customer.getConferenceSid(), "customer").setHold(true)
                .setHoldUrl(URI.create(sim.receiver().url("/hold"))).setHoldMethod(HttpMethod.POST).update(sim.client());

        Received fetch = sim.receiver().awaitOne(r -> r.path().equals("/hold"));
        assertThat(fetch.method()).isEqualTo("POST");
        assertThat(fetch.param("CallSid")).isEqualTo(customer.getCallSid());
        assertThat(new RequestValidator(sim.authToken()).validate(fetch.url(), fetch.singleValuedParams(),
                fetch.header("X-Twilio-Signature"))).isTrue();
    }

    @Test
    void eachNewHoldRequestsTheMediaAgainButAnUnchangedHoldDoesNot() {
        sim.receiver().serve("/hold", "<Response><Play loop=\"0\">https://x.example/music.mp3</Play></Response>");
        URI holdUrl = URI.create(sim.receiver().url("/hold"));
        String conference = customer.getConferenceSid();

        Participant.updater(conference, "customer").setHold(true).setHoldUrl(holdUrl).update(sim.client());
        sim.receiver().awaitOne(r -> r.path().equals("/hold"));
        Participant.updater(conference, "customer").setMuted(true).update(sim.client());
        Participant.updater(conference, "customer").setHold(false).update(sim.client());
        Participant.updater(conference, "customer").setHold(true).update(sim.client());

        sim.receiver().await(r -> r.path().equals("/hold"), 2, Duration.ofSeconds(10));
        assertThat(sim.sim().voice().effects(customer.getCallSid())).containsEntry("holdUrlRequested", 2);
    }

    @Test
    void holdMediaThatIsNotValidTwimlIsReportedAndTheParticipantStaysHeld() {
        sim.receiver().serve("/hold", "<Response><Dance/></Response>");

        Participant held = Participant.updater(customer.getConferenceSid(), "customer").setHold(true)
                .setHoldUrl(URI.create(sim.receiver().url("/hold"))).update(sim.client());

        Await.until(() -> String.valueOf(sim.sim().voice().holdMedia(customer.getCallSid())).startsWith("failed"),
                Duration.ofSeconds(15), () -> "the bad hold media is reported");
        assertThat(held.getHold()).isTrue();
        assertThat(sim.sim().voice().callStatus(customer.getCallSid())).isEqualTo("in-progress");
    }
}
