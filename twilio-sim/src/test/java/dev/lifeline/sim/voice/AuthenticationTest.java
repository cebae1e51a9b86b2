package dev.lifeline.sim.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import dev.lifeline.sim.client.EmulatorHttpClient;
import dev.lifeline.sim.testsupport.SimFixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

    private final SimFixture sim = SimFixture.start();

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void wrongAuthTokenIsAnsweredWith401InTwiliosErrorShape() throws Exception {
        String wrong = "Basic " + Base64.getEncoder().encodeToString(
                (sim.accountSid() + ":not-the-token").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = sim.send("GET",
                "/2010-04-01/Accounts/" + sim.accountSid() + "/Calls.json", null, wrong);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("code").asInt()).isEqualTo(20003);
        assertThat(body.path("status").asInt()).isEqualTo(401);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("more_info").asText()).isEqualTo("https://www.twilio.com/docs/errors/20003");
    }

    @Test
    void missingCredentialsAreAnsweredWith401() {
        HttpResponse<String> response = sim.unauthed("GET",
                "/2010-04-01/Accounts/" + sim.accountSid() + "/Conferences.json", null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theSdkWithAWrongTokenSeesAnAuthenticationError() {
        TwilioRestClient wrongClient = new TwilioRestClient.Builder(sim.accountSid(), "wrong-token")
                .httpClient(new EmulatorHttpClient(sim.baseUrl())).build();

        assertThatThrownBy(() -> Call.fetcher("CA00000000000000000000000000000000").fetch(wrongClient))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    assertThat(((ApiException) e).getStatusCode()).isEqualTo(401);
                    assertThat(((ApiException) e).getCode()).isEqualTo(20003);
                });
    }
}
