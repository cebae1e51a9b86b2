package dev.lifeline.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stand-alone emulator's settings: what a twilio-mode server in a test must be able to match. */
class StandAloneTest {

    @Test
    void theAccountSipPortAndMediaTimeoutComeFromTheEnvironment() {
        String sid = "AC" + "5".repeat(32);
        try (TwilioSim sim = StandAlone.builder(List.of("0"), Map.of("TWILIO_SIM_ACCOUNT_SID", sid,
                "TWILIO_SIM_AUTH_TOKEN", "the-servers-token", "TWILIO_SIM_SIP_PORT", "0",
                "TWILIO_SIM_MEDIA_TIMEOUT", "5s")).start()) {
            assertThat(sim.accountSid()).isEqualTo(sid);
            assertThat(sim.authToken()).as("it signs the webhooks").isEqualTo("the-servers-token");
            assertThat(sim.sip()).isNotNull();
            assertThat(sim.sip().port()).isPositive();
        }
    }

    @Test
    void aBadSettingIsOneLineNamingIt() {
        assertThatThrownBy(() -> StandAlone.builder(List.of("http"), Map.of()))
                .hasMessage("port must be a port number (0-65535), got 'http'");
        assertThatThrownBy(() -> StandAlone.builder(List.of(), Map.of("TWILIO_SIM_SIP_PORT", "70000")))
                .hasMessage("TWILIO_SIM_SIP_PORT must be a port number (0-65535), got '70000'");
        assertThatThrownBy(() -> StandAlone.builder(List.of(), Map.of("TWILIO_SIM_MEDIA_TIMEOUT", "soon")))
                .hasMessage("TWILIO_SIM_MEDIA_TIMEOUT must be a positive duration (5s, 2m, 500ms or PT5S), got 'soon'");
        assertThat(StandAlone.builder(List.of(), Map.of("TWILIO_SIM_MEDIA_TIMEOUT", "PT2M"))).isNotNull();
    }
}
