package dev.lifeline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code twilio.base-url}: the emulator a sim-mode cluster's members share (issue 21 item 4). */
class TwilioBaseUrlConfigTest {

    @Test
    void simModeTakesTheSharedEmulatorsUrlWithoutATrailingSlash() {
        ServerConfig config = ServerConfig.load(Map.of("TWILIO_BASE_URL", "http://localhost:18080/"));

        assertThat(config.mode()).isEqualTo(ServerConfig.Mode.SIM);
        assertThat(config.twilio().baseUrl()).isEqualTo("http://localhost:18080");
        assertThat(ServerConfig.load(Map.of()).twilio().baseUrl()).as("embed an emulator").isNull();
    }

    @Test
    void aBaseUrlThatIsNotHttpOrOutsideSimModeIsOneClearLine() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("TWILIO_BASE_URL", "localhost:18080")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment TWILIO_BASE_URL: twilio.base-url must start with http:// or https://, "
                        + "got 'localhost:18080'");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_MODE", "twilio", "TWILIO_BASE_URL", "http://localhost:18080",
                "TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32), "TWILIO_AUTH_TOKEN", "token",
                "LIFELINE_PUBLIC_BASE_URL", "https://lifeline.example.com", "LIFELINE_AUTH_TOKEN_SECRET", "k7Qe2Zr9vX1mB4nT8yW3pL6sD0fG5hJc")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("twilio.base-url is only read in sim mode");
    }
}
