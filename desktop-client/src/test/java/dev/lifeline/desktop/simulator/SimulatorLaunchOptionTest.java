package dev.lifeline.desktop.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.desktop.app.LaunchOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --simulator} on the desktop's command line. */
class SimulatorLaunchOptionTest {

    @Test
    void simulatorWithAServerOpensTheSimulator() throws Exception {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--simulator", "--server", "http://localhost:8080"}, Map.of());

        assertThat(options.simulator()).isTrue();
        assertThat(options.server()).isEqualTo("http://localhost:8080");
    }

    @Test
    void simulatorWithoutAServerIsRefusedWithTheReason() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--simulator"}, Map.of()))
                .isInstanceOf(LaunchOptions.BadOption.class)
                .hasMessage("--simulator needs --server (a Lifeline server in sim mode)");
    }

    @Test
    void withoutTheOptionTheDesktopOpensTheLogin() throws Exception {
        assertThat(LaunchOptions.parse(new String[] {"--server", "http://localhost:8080"}, Map.of()).simulator()).isFalse();
    }
}
