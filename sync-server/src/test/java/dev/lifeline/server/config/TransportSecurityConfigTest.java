package dev.lifeline.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.server.auth.PasswordHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 #5 and #8: twilio mode only behind TLS, the listeners on loopback unless told otherwise, no sim mode
 * started by half a Twilio account, and the management port apart from the public one.
 */
class TransportSecurityConfigTest {

    @TempDir
    Path dir;

    private final Map<String, String> twilio = new HashMap<>();

    /** A complete twilio-mode configuration: every test changes one thing in it. */
    @BeforeEach
    void completeTwilioSettings() throws IOException {
        Path users = Files.writeString(dir.resolve("users"),
                "sam:supervisor:Sam:" + new PasswordHasher(1_000).hash("pw".toCharArray()) + "\n");
        twilio.put("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32));
        twilio.put("TWILIO_AUTH_TOKEN", "token");
        twilio.put("LIFELINE_AUTH_TOKEN_SECRET", "k7Qe2Zr9vX1mB4nT8yW3pL6sD0fG5hJc");
        twilio.put("LIFELINE_AUTH_USERS_FILE", users.toString());
        twilio.put("LIFELINE_PUBLIC_BASE_URL", "https://lifeline.example.com");
    }

    private ServerConfig twilioWith(String... keysAndValues) {
        Map<String, String> environment = new HashMap<>(twilio);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            environment.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ServerConfig.load(environment);
    }

    @Test
    void twilioModeBehindATlsProxyOnThisHostIsAccepted() {
        ServerConfig config = twilioWith();

        assertThat(config.mode()).isEqualTo(ServerConfig.Mode.TWILIO);
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.http().tlsTerminatedByProxy()).isFalse();
    }

    @Test
    void twilioModeRefusesAPlainHttpPublicUrl() {
        assertThatThrownBy(() -> twilioWith("LIFELINE_PUBLIC_BASE_URL", "http://lifeline.example.com"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment LIFELINE_PUBLIC_BASE_URL: public-base-url must be https:// in twilio mode, got "
                        + "'http://lifeline.example.com': Twilio's webhooks and the desktops' passwords would cross the "
                        + "network in plain text; terminate TLS in a proxy and give its https:// address");
        assertThatThrownBy(() -> twilioWith("LIFELINE_PUBLIC_BASE_URL", "http://10.0.0.5:8080"))
                .hasMessageContaining("must be https:// in twilio mode");
    }

    @Test
    void aPlainHttpPublicUrlOnLoopbackStaysOnThisMachineAndIsAccepted() {
        assertThat(twilioWith("LIFELINE_PUBLIC_BASE_URL", "http://localhost:8080").publicBaseUrl())
                .isEqualTo("http://localhost:8080");
        assertThat(twilioWith("LIFELINE_PUBLIC_BASE_URL", "http://127.0.0.1:8080").mode())
                .isEqualTo(ServerConfig.Mode.TWILIO);
    }

    @Test
    void theProxySettingDoesNotExcuseAPlainHttpPublicUrl() {
        assertThatThrownBy(() -> twilioWith("LIFELINE_PUBLIC_BASE_URL", "http://lifeline.example.com",
                "LIFELINE_HTTP_TLS_TERMINATED_BY_PROXY", "true"))
                .hasMessageContaining("public-base-url must be https:// in twilio mode");
        assertThatThrownBy(() -> twilioWith("LIFELINE_PUBLIC_BASE_URL", "http://localhost:8080",
                "LIFELINE_HTTP_TLS_TERMINATED_BY_PROXY", "true"))
                .hasMessage("environment LIFELINE_HTTP_TLS_TERMINATED_BY_PROXY: http.tls-terminated-by-proxy says a "
                        + "proxy terminates TLS, but public-base-url is 'http://localhost:8080': give the proxy's https:// "
                        + "address");
    }

    @Test
    void twilioModeServesPlainHttpToTheNetworkOnlyWhenTheOperatorSaysAProxyTerminatesTls() {
        assertThatThrownBy(() -> twilioWith("LIFELINE_HTTP_HOST", "0.0.0.0"))
                .hasMessage("environment LIFELINE_HTTP_HOST: http.host is 0.0.0.0, which serves plain HTTP to the "
                        + "network in twilio mode: keep 127.0.0.1 with the TLS proxy on this host, or set "
                        + "http.tls-terminated-by-proxy=true when only the proxy can reach this address");

        ServerConfig behindProxy = twilioWith("LIFELINE_HTTP_HOST", "0.0.0.0", "LIFELINE_HTTP_TLS_TERMINATED_BY_PROXY", "true");

        assertThat(behindProxy.http().host()).isEqualTo("0.0.0.0");
        assertThat(behindProxy.http().tlsTerminatedByProxy()).isTrue();
    }

    @Test
    void theProxySettingIsTrueOrFalse() {
        assertThatThrownBy(() -> twilioWith("LIFELINE_HTTP_TLS_TERMINATED_BY_PROXY", "yes"))
                .hasMessage("environment LIFELINE_HTTP_TLS_TERMINATED_BY_PROXY: http.tls-terminated-by-proxy expected "
                        + "true or false, got 'yes'");
    }

    @Test
    void simModeListensOnLoopbackUnlessADemoAsksForMore() {
        assertThat(ServerConfig.load(Map.of()).http().host()).isEqualTo("127.0.0.1");
        assertThat(ServerConfig.load(Map.of()).http().publicListenerIsLoopback()).isTrue();

        ServerConfig demo = ServerConfig.load(Map.of("LIFELINE_HTTP_HOST", "0.0.0.0"));

        assertThat(demo.http().host()).isEqualTo("0.0.0.0");
        assertThat(demo.http().publicListenerIsLoopback()).isFalse();
    }

    @Test
    void aListenerAddressMustBelongToThisMachine() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_HTTP_HOST", "lifeline.example.com")))
                .hasMessage("environment LIFELINE_HTTP_HOST: http.host must be an IP address of this machine (or 0.0.0.0 "
                        + "for every interface), got 'lifeline.example.com'");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_MANAGEMENT_HOST", "198.51.100.7")))
                .hasMessageContaining("management.host must be an IP address of this machine");
    }

    @Test
    void halfATwilioAccountIsOneLineInsteadOfSimMode() {
        assertThatThrownBy(() -> ServerConfig.load(Map.of("TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config: twilio.auth-token is not set but twilio.account-sid is: set both for twilio mode, "
                        + "or mode=sim for the emulator");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("TWILIO_AUTH_TOKEN", "token")))
                .hasMessage("config: twilio.account-sid is not set but twilio.auth-token is: set both for twilio mode, "
                        + "or mode=sim for the emulator");
        assertThatThrownBy(() -> ServerConfig.load(Map.of("TWILIO_WORKSPACE_SID", "WS" + "0".repeat(32))))
                .hasMessage("environment TWILIO_WORKSPACE_SID: twilio.workspace-sid is set without twilio.account-sid "
                        + "and twilio.auth-token: set them for twilio mode, or mode=sim for the emulator");
    }

    @Test
    void anExplicitModeDecidesWhateverCredentialsAreSet() {
        assertThat(ServerConfig.load(Map.of("LIFELINE_MODE", "sim", "TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32))).mode())
                .isEqualTo(ServerConfig.Mode.SIM);
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_MODE", "twilio", "TWILIO_ACCOUNT_SID", "AC" + "0".repeat(32))))
                .hasMessage("config: twilio.auth-token is required but not set");
    }

    @Test
    void theManagementPortIsApartFromThePublicOne() {
        ServerConfig defaults = ServerConfig.load(Map.of());
        assertThat(defaults.http().managementPort()).isEqualTo(8081);
        assertThat(defaults.http().managementHost()).isEqualTo("127.0.0.1");
        assertThat(ServerConfig.load(Map.of("LIFELINE_HTTP_PORT", "9000")).http().managementPort()).isEqualTo(9001);
        assertThat(ServerConfig.load(Map.of("LIFELINE_HTTP_PORT", "0")).http().managementPort())
                .as("a free public port gets a free management port").isZero();
        assertThat(ServerConfig.load(Map.of("LIFELINE_MANAGEMENT_PORT", "9100")).http().managementPort()).isEqualTo(9100);
        assertThatThrownBy(() -> ServerConfig.load(Map.of("LIFELINE_MANAGEMENT_PORT", "8080")))
                .hasMessage("environment LIFELINE_MANAGEMENT_PORT: management.port must differ from http.port (8080)");
    }
}
