package dev.lifeline.sim.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.rest.api.v2010.account.conference.Participant;
import com.twilio.type.PhoneNumber;
import dev.lifeline.sim.testsupport.SimFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Garbage in every documented parameter of every Voice endpoint gets a 2xx or a JSON 4xx — never a 5xx, which
 * twilio-java would retry (turning one create into three).
 */
class VoiceNeverAnswers5xxTest {

    private static final List<String> VALUES = List.of("", " ", "true", "FALSE", "maybe", "-1", "0", "5", "601",
            "99999999999999", "%", "+", "client:", "client:bob", "+15550000001", "http://", "ftp://x", "http://127.0.0.1:9/cb",
            "<Response/>", "<Response><Hangup/></Response>", "<Response><Dial><Conference>r</Conference></Dial></Response>",
            "<Response><Enqueue workflowSid=\"WW1\"/></Response>", "<x", "start end", "join,leave", "explode", "GET",
            "completed", "canceled", "onExit", "x".repeat(5000), "ë & = +");

    @Test
    void randomisedGarbageIsAnsweredWithJsonAndNeverWith5xx() throws Exception {
        Random random = new Random(20261125L);
        try (SimFixture sim = SimFixture.start()) {
            sim.sim().voice().registerAutoAnswer("+15550000001", Duration.ZERO);
            Participant p = Participant.creator("room", new PhoneNumber("+15559990000"), new PhoneNumber("+15550000001"))
                    .setLabel("customer").create(sim.client());
            String base = "/2010-04-01/Accounts/" + sim.accountSid();
            List<String[]> endpoints = List.of(
                    new String[] {"POST", base + "/Calls.json", "To From Url Twiml Method Timeout StatusCallback StatusCallbackMethod StatusCallbackEvent ApplicationSid"},
                    new String[] {"POST", base + "/Calls/" + p.getCallSid() + ".json", "Status Url Twiml Method"},
                    new String[] {"GET", base + "/Calls.json", "Status To From PageSize Page"},
                    new String[] {"POST", base + "/Conferences/" + p.getConferenceSid() + ".json", "Status AnnounceUrl AnnounceMethod"},
                    new String[] {"GET", base + "/Conferences.json", "FriendlyName Status PageSize Page"},
                    new String[] {"POST", base + "/Conferences/room/Participants.json", "From To Label Muted Beep StartConferenceOnEnter EndConferenceOnExit Timeout Coaching WaitUrl ConferenceStatusCallback ConferenceStatusCallbackMethod ConferenceStatusCallbackEvent StatusCallbackEvent"},
                    new String[] {"POST", base + "/Conferences/" + p.getConferenceSid() + "/Participants/customer.json", "Muted Hold HoldUrl HoldMethod AnnounceUrl EndConferenceOnExit Coaching BeepOnExit WaitUrl"},
                    new String[] {"GET", base + "/Conferences/" + p.getConferenceSid() + "/Participants.json", "Muted Hold Coaching PageSize"});
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String[] endpoint = endpoints.get(random.nextInt(endpoints.size()));
                String[] names = endpoint[2].split(" ");
                StringBuilder query = new StringBuilder();
                for (String name : names) {
                    if (random.nextInt(3) == 0) {
                        String value = VALUES.get(random.nextInt(VALUES.size()));
                        query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                    }
                }
                HttpResponse<String> response = endpoint[0].equals("GET")
                        ? sim.authed("GET", endpoint[1] + (query.length() == 0 ? "" : "?" + query), null)
                        : sim.authed(endpoint[0], endpoint[1], query.toString());
                boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
                if (response.statusCode() >= 500 || (response.statusCode() != 204 && !json)) {
                    failures.add(endpoint[0] + " " + endpoint[1] + " " + query + " -> " + response.statusCode() + " " + response.body());
                } else if (response.statusCode() >= 400) {
                    assertThat(new ObjectMapper().readTree(response.body()).path("status").asInt())
                            .isEqualTo(response.statusCode());
                }
            }
            assertThat(failures).isEmpty();
        }
    }
}
