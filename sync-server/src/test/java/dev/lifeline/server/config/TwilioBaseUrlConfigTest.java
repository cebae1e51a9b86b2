package dev.lifeline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code twilio.base-url}: the emulator a sim-mode cluster's members share (issue 21 item 4), and in twilio mode any
 * Twilio-compatible endpoint (issue 13 item 4).
 */
class TwilioBaseUrlConfigTest {

    @Test
    void simModeTakesTheSharedEmulatorsUrlWithoutATrailingSlash() {
        ServerConfig config = ServerConfig.load(Map.of("TWILIO_BASE_URL", "http://localhost:18080/"));

        assertThat(config.mode()).isEqualTo(ServerConfig.Mode.SIM);
        assertThat(config.twilio().baseUrl()).isEqualTo("http://localhost:18080");
        assertThat(ServerConfig.load(Map.of()).twilio().baseUrl()).as("embed an emulator").isNull();
    }

    @Test
    void aBaseUrlThatIsNotHttpIsOneClearLine() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("TWILIO_BASE_URL", "localhost:18080")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment TWILIO_BASE_URL: twilio.base-url must start with http:// or https://, "
                        + "got 'localhost:18080'");
    }

    @Test
    void twilioModeTakesATwilioCompatibleEndpointAndStaysTwilioMode() {
        ServerConfig onThisMachine = ServerConfig.load(twilioMode("http://localhost:18080/"));
        ServerConfig elsewhere = ServerConfig.load(twilioMode("https://twilio-gateway.corp.example.com"));

        assertThat(onThisMachine.mode()).isEqualTo(ServerConfig.Mode.TWILIO);
        assertThat(onThisMachine.twilio().baseUrl()).isEqualTo("http://localhost:18080");
        assertThat(elsewhere.twilio().baseUrl()).isEqualTo("https://twilio-gateway.corp.example.com");
        assertThat(ServerConfig.load(twilioMode(null)).twilio().baseUrl()).as("Twilio itself").isNull();
    }

    @Test
    void twilioModeRefusesAPlainHttpEndpointOffThisMachineForTheAuthTokenGoesWithEveryRequest() {
        assertThatThrownBy(() -> ServerConfig.load(twilioMode("http://twilio-gateway.corp.example.com")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment TWILIO_BASE_URL: twilio.base-url must be https:// in twilio mode unless it is on "
                        + "this machine, got 'http://twilio-gateway.corp.example.com': the account's auth token goes with "
                        + "every request");
    }

    @Test
    void twilioModeRulesStayWithABaseUrl() {
        Map<String, String> noUsersFile = twilioMode("http://localhost:18080");
        noUsersFile.remove("LIFELINE_AUTH_USERS_FILE");
        Map<String, String> plainPublicUrl = twilioMode("http://localhost:18080");
        plainPublicUrl.put("LIFELINE_PUBLIC_BASE_URL", "http://lifeline.example.com");

        assertThatThrownBy(() -> ServerConfig.load(noUsersFile)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.users-file is required in twilio mode");
        assertThatThrownBy(() -> ServerConfig.load(plainPublicUrl)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("public-base-url must be https:// in twilio mode");
    }

    private static Map<String, String> twilioMode(String baseUrl) {
        Map<String, String> environment = new HashMap<>(Map.of("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32),
                "TWILIO_AUTH_TOKEN", "token", "LIFELINE_PUBLIC_BASE_URL", "https://lifeline.example.com",
                "LIFELINE_AUTH_TOKEN_SECRET", "k7Qe2Zr9vX1mB4nT8yW3pL6sD0fG5hJc",
                "LIFELINE_AUTH_USERS_FILE", "/etc/lifeline/users"));
        if (baseUrl != null) {
            environment.put("TWILIO_BASE_URL", baseUrl);
        }
        return environment;
    }
}
