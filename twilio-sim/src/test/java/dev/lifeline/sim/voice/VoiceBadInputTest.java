package dev.lifeline.sim.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Conference;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.type.PhoneNumber;
import dev.lifeline.sim.testsupport.SimFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unknown SIDs get Twilio's 404 JSON, bad parameters a 400 naming the parameter, and nothing changes. */
class VoiceBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimFixture sim;
    private String base;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        base = "/2010-04-01/Accounts/" + sim.accountSid();
        sim.sim().voice().registerAutoAnswer("+15550000001", Duration.ZERO);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode body(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void unknownCallConferenceAndParticipantAreTwilio404s() throws Exception {
        HttpResponse<String> call = sim.authed("GET", base + "/Calls/CA00000000000000000000000000000000.json", null);
        assertThat(call.statusCode()).isEqualTo(404);
        assertThat(body(call).path("code").asInt()).isEqualTo(20404);
        assertThat(body(call).path("status").asInt()).isEqualTo(404);
        assertThat(body(call).path("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/20404");

        assertThatThrownBy(() -> Conference.fetcher("CF00000000000000000000000000000000").fetch(sim.client()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo(20404);
                });
        Participant p = Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                .create(sim.client());
        assertThatThrownBy(() -> Participant.fetcher(p.getConferenceSid(), "nobody").fetch(sim.client()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void anInvalidBooleanIsA400NamingTheParameterAndChangesNothing() throws Exception {
        Participant p = Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                .setLabel("customer").create(sim.client());

        HttpResponse<String> response = sim.authed("POST",
                base + "/Conferences/" + p.getConferenceSid() + "/Participants/customer.json", "Hold=true&Muted=maybe");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).path("message").asText()).contains("Muted");
        assertThat(body(response).path("status").asInt()).isEqualTo(400);
        assertThat(Participant.fetcher(p.getConferenceSid(), "customer").fetch(sim.client()).getHold()).isFalse();
    }

    @Test
    void missingOrMalformedCallParametersAre400s() throws Exception {
        HttpResponse<String> noTo = sim.authed("POST", base + "/Calls.json", "From=%2B1555&Twiml=%3CResponse%2F%3E");
        assertThat(noTo.statusCode()).isEqualTo(400);
        assertThat(body(noTo).path("message").asText()).contains("To");

        HttpResponse<String> badTwiml = sim.authed("POST", base + "/Calls.json",
                "From=%2B1555&To=%2B1666&Twiml=%3CResponse%3E%3CDance%2F%3E%3C%2FResponse%3E");
        assertThat(badTwiml.statusCode()).isEqualTo(400);
        assertThat(body(badTwiml).path("message").asText()).contains("Twiml").contains("Dance");

        HttpResponse<String> badTimeout = sim.authed("POST", base + "/Calls.json",
                "From=%2B1555&To=%2B1666&Url=http%3A%2F%2Fexample.com%2Ft&Timeout=soon");
        assertThat(badTimeout.statusCode()).isEqualTo(400);
        assertThat(body(badTimeout).path("message").asText()).contains("Timeout");

        HttpResponse<String> xxe = sim.authed("POST", base + "/Calls.json", "From=%2B1555&To=%2B1666&Twiml="
                + java.net.URLEncoder.encode("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Response><Say>&x;</Say></Response>",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(xxe.statusCode()).isEqualTo(400);

        assertThat(Call.reader().read(sim.client()).iterator().hasNext()).isFalse();
    }

    @Test
    void theSdkSeesTwiliosSpecificCodesForAMissingToOrFromAndABadUrl() {
        assertThat(codeOf(sim.authed("POST", base + "/Calls.json", "From=%2B1555&Url=http%3A%2F%2Fx.example%2Ft")))
                .isEqualTo(21201);
        assertThat(codeOf(sim.authed("POST", base + "/Calls.json", "To=%2B1666&Url=http%3A%2F%2Fx.example%2Ft")))
                .isEqualTo(21213);
        assertThatThrownBy(() -> Call.creator(new PhoneNumber("+15550000001"), new PhoneNumber("+15559990000"),
                java.net.URI.create("ftp://x.example/t")).create(sim.client()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo(21205);
                    assertThat(e.getMessage()).contains("ftp://x.example/t");
                });
        assertThat(Call.reader().read(sim.client()).iterator().hasNext()).isFalse();
    }

    private int codeOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        try {
            return body(response).path("code").asInt();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void invalidEventWordsAndUpdateStatusesAre400s() throws Exception {
        HttpResponse<String> badEvent = sim.authed("POST", base + "/Conferences/room/Participants.json",
                "From=%2B1555&To=%2B15550000001&ConferenceStatusCallback=http%3A%2F%2Fexample.com%2Fcb"
                        + "&ConferenceStatusCallbackEvent=start&ConferenceStatusCallbackEvent=explode");
        assertThat(badEvent.statusCode()).isEqualTo(400);
        assertThat(body(badEvent).path("message").asText()).contains("ConferenceStatusCallbackEvent");
        assertThat(Conference.reader().read(sim.client()).iterator().hasNext()).isFalse();

        Call call = Call.creator(new PhoneNumber("+15550000001"), new PhoneNumber("+1555"),
                new com.twilio.type.Twiml("<Response><Pause length=\"30\"/></Response>")).create(sim.client());
        HttpResponse<String> badStatus = sim.authed("POST", base + "/Calls/" + call.getSid() + ".json", "Status=paused");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(body(badStatus).path("message").asText()).contains("Status");
        assertThat(Call.fetcher(call.getSid()).fetch(sim.client()).getStatus()).isEqualTo(Call.Status.IN_PROGRESS);
    }

    @Test
    void redirectingACompletedCallIsA400() throws Exception {
        Call call = Call.creator(new PhoneNumber("+15550000001"), new PhoneNumber("+1555"),
                new com.twilio.type.Twiml("<Response><Hangup/></Response>")).create(sim.client());

        HttpResponse<String> response = sim.authed("POST", base + "/Calls/" + call.getSid() + ".json",
                "Twiml=%3CResponse%3E%3CHangup%2F%3E%3C%2FResponse%3E");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).path("code").asInt()).isEqualTo(21220);
    }

    @Test
    void anUnknownPathOrMethodIsATwilioJson404() throws Exception {
        HttpResponse<String> unknownPath = sim.authed("GET", base + "/Recordings.json", null);
        HttpResponse<String> unknownMethod = sim.authed("PUT", base + "/Calls.json", "");

        for (HttpResponse<String> response : java.util.List.of(unknownPath, unknownMethod)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(body(response).path("code").asInt()).isEqualTo(20404);
            assertThat(body(response).path("status").asInt()).isEqualTo(404);
        }
    }
}
