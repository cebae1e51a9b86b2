package dev.lifeline.server.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.server.app.SimModeServers;
import dev.lifeline.server.config.ConfigException;
import dev.lifeline.server.config.ServerConfig;
import java.util.Map;
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
}
