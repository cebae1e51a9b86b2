package dev.lifeline.sim.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.type.PhoneNumber;
import dev.lifeline.sim.testsupport.Await;
import dev.lifeline.sim.testsupport.SimFixture;
import dev.lifeline.sim.testsupport.WebhookReceiver.Received;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IncomingPhoneNumbers through twilio-java, and a call to a number reaching its VoiceUrl (fidelity row 63). */
class PhoneNumbersApiTest {

    private static final String NUMBER = "+15550142000";

    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void numbersAreCreatedListedByPhoneNumberFetchedAndTheirVoiceUrlUpdated() {
        IncomingPhoneNumber created = IncomingPhoneNumber.creator(new PhoneNumber(NUMBER)).create(sim.client());
        IncomingPhoneNumber.creator(new PhoneNumber("+15550142001")).create(sim.client());

        List<IncomingPhoneNumber> found = StreamSupport.stream(IncomingPhoneNumber.reader()
                .setPhoneNumber(new PhoneNumber(NUMBER)).read(sim.client()).spliterator(), false).toList();
        IncomingPhoneNumber updated = IncomingPhoneNumber.updater(created.getSid())
                .setVoiceUrl("https://lifeline.example.com/webhooks/voice/incoming").setVoiceMethod(HttpMethod.POST)
                .update(sim.client());

        assertThat(created.getSid()).startsWith("PN");
        assertThat(found).extracting(IncomingPhoneNumber::getSid).containsExactly(created.getSid());
        assertThat(found.get(0).getPhoneNumber().toString()).isEqualTo(NUMBER);
        assertThat(updated.getVoiceUrl().toString()).isEqualTo("https://lifeline.example.com/webhooks/voice/incoming");
        assertThat(IncomingPhoneNumber.fetcher(created.getSid()).fetch(sim.client()).getVoiceMethod())
                .isEqualTo(HttpMethod.POST);
        assertThatThrownBy(() -> IncomingPhoneNumber.creator(new PhoneNumber("12345")).create(sim.client()))
                .isInstanceOf(ApiException.class).hasMessageContaining("PhoneNumber");
    }

    @Test
    void aCallToANumberRequestsItsVoiceUrlSignedWithTheCallersParametersAndRunsItsTwiml() {
        sim.receiver().serve("/incoming", "<Response><Pause length=\"30\"/></Response>");
        String sid = IncomingPhoneNumber.creator(new PhoneNumber(NUMBER)).create(sim.client()).getSid();
        IncomingPhoneNumber.updater(sid).setVoiceUrl(sim.receiver().url("/incoming")).update(sim.client());

        HttpResponse<String> call = sim.simJson("POST", "/sim/calls/inbound",
                "{\"from\":\"+15551230001\",\"to\":\"" + NUMBER + "\"}");

        assertThat(call.statusCode()).as(call.body()).isEqualTo(201);
        Received request = sim.receiver().awaitOne(r -> r.path().equals("/incoming"));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.param("To")).isEqualTo(NUMBER);
        assertThat(request.param("From")).isEqualTo("+15551230001");
        assertThat(request.param("Direction")).isEqualTo("inbound");
        assertThat(new com.twilio.security.RequestValidator(sim.authToken())
                .validate(request.url(), request.singleValuedParams(), request.header("X-Twilio-Signature"))).isTrue();
        String callSid = request.param("CallSid");
        Await.until(() -> "paused".equals(sim.callState(callSid).get("activity")));
    }

    @Test
    void aNumberWithoutAVoiceUrlCannotBeCalled() {
        IncomingPhoneNumber.creator(new PhoneNumber(NUMBER)).create(sim.client());

        assertThatThrownBy(() -> sim.sim().callNumber("+15551230001", NUMBER)).hasMessageContaining("no VoiceUrl");
    }
}
