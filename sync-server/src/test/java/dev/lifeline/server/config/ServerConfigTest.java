package dev.lifeline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    @TempDir
    Path dir;

    @Test
    void withoutTwilioCredentialsTheServerRunsInSimModeWithDocumentedDefaults() {
        ServerConfig config = ServerConfig.load(Map.of());

        assertThat(config.mode()).isEqualTo(ServerConfig.Mode.SIM);
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.recovery().pingTtl()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.recovery().pingPriority()).isEqualTo(1000);
    }

    @Test
    void environmentOverridesTheConfigFile() throws IOException {
        Path file = Files.writeString(dir.resolve("lifeline.properties"), "http.port=9000\nrecovery.ping-ttl=20s\n");

        ServerConfig config = ServerConfig.load(Map.of("LIFELINE_CONFIG", file.toString(), "LIFELINE_HTTP_PORT", "9100"));

        assertThat(config.httpPort()).isEqualTo(9100);
        assertThat(config.recovery().pingTtl()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aMalformedValueNamesTheFileAndTheKey() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), "http.port=eighty\n");

        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_CONFIG", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": http.port expected a whole number, got 'eighty'");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_CONFIG", missing.toString())))
                .hasMessage(missing + ": config file not found");
    }

    @Test
    void twilioModeRequiresAPublicUrlAndAStrongTokenSecret() {
        Map<String, String> env = Map.of("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32), "TWILIO_AUTH_TOKEN", "t");

        assertThatThrownBy(() -> ServerConfig.load(env))
                .hasMessage("config: public-base-url is required but not set");
    }

    @Test
    void theAuthTokenNeverAppearsInToString() {
        ServerConfig config = ServerConfig.load(Map.of("TWILIO_AUTH_TOKEN", "super-secret-token", "LIFELINE_MODE", "sim"));

        assertThat(config.toString()).doesNotContain("super-secret-token");
    }
}
