package dev.lifeline.server.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.server.app.SimModeServers;
import dev.lifeline.server.config.ConfigException;
import dev.lifeline.server.config.ServerConfig;
import com.twilio.rest.taskrouter.v1.Workspace;
import dev.lifeline.sim.TwilioSim;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The one place the server opens its Twilio: a shared emulator it cannot use is a configuration error, said in one line. */
class TwilioConnectionTest {

    @Test
    void aSharedEmulatorThatCannotBeUsedIsOneConfigurationLineNamingTheSetting() {
        String nobodyListens = "http://127.0.0.1:" + SimModeServers.freePort();
        TwilioConnection twilio = TwilioConnection.open(ServerConfig.load(Map.of("TWILIO_BASE_URL", nobodyListens)));

        assertThat(twilio.isSimulated()).isTrue();
        assertThat(twilio.sim()).as("nothing embedded: the members share the emulator at twilio.base-url").isNull();
        assertThatThrownBy(() -> twilio.provision(provisioner -> provisioner.provision(null, "Lifeline Demo",
                "http://localhost:8080/webhooks/taskrouter", Map.of("alice", "Alice Agent"), 15, 30)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("twilio.base-url: the emulator at " + nobodyListens + " cannot be used: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void twilioModeWithABaseUrlSendsEveryRequestThereWithTheAccountsCredentialsAndStaysTwilioMode() {
        String accountSid = "AC" + "1234abcd".repeat(4);
        String authToken = "a-private-deployments-token";
        try (TwilioSim endpoint = TwilioSim.builder().port(0).accountSid(accountSid).authToken(authToken).start()) {
            TwilioConnection twilio = TwilioConnection.open(ServerConfig.load(Map.of("TWILIO_ACCOUNT_SID", accountSid,
                    "TWILIO_AUTH_TOKEN", authToken, "TWILIO_BASE_URL", endpoint.baseUrl(),
                    "LIFELINE_PUBLIC_BASE_URL", "http://localhost:8080",
                    "LIFELINE_AUTH_TOKEN_SECRET", "k7Qe2Zr9vX1mB4nT8yW3pL6sD0fG5hJc",
                    "LIFELINE_AUTH_USERS_FILE", "/etc/lifeline/users")));

            String created = Workspace.creator("Flex Task Assignment").create(twilio.client()).getSid();

            assertThat(twilio.isSimulated()).as("twilio mode: no demo routes, no demo users").isFalse();
            assertThat(twilio.sim()).isNull();
            assertThat(twilio.emulatorUrl()).isNull();
            assertThat(twilio.authToken()).as("webhooks are checked with the account's token").isEqualTo(authToken);
            assertThat(StreamSupport.stream(Workspace.reader().read(twilio.client()).spliterator(), false)
                    .map(Workspace::getSid)).as("the endpoint, not Twilio, answered").containsExactly(created);
        }
    }
}
