package dev.lifeline.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {

    private static LaunchOptions parse(Map<String, String> env, String... args) throws LaunchOptions.BadOption {
        return LaunchOptions.parse(args, env);
    }

    @Test
    void serverUserAndPasswordAreReadForAutomaticSignIn() throws Exception {
        LaunchOptions options = parse(Map.of(), "--server", "http://localhost:8080", "--user", "alice", "--password", "pw");

        assertThat(options.toConfig().canSignInAutomatically()).isTrue();
        assertThat(options.toConfig().serverUrl()).isEqualTo("http://localhost:8080");
        assertThat(options.toString()).doesNotContain("pw,").contains("password=***");
        assertThat(options.warning()).as("a password on the command line is visible in ps").contains("--password is visible");
    }

    @Test
    void thePasswordMayComeFromTheFirstLineOfAFileWithoutAWarning(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "from-a-file\nignored\n");

        LaunchOptions options = parse(Map.of(), "--server", "http://s", "--user", "alice", "--password-file", file.toString());

        assertThat(options.password()).isEqualTo("from-a-file");
        assertThat(options.warning()).isNull();
        assertThatThrownBy(() -> parse(Map.of(), "--server", "http://s", "--user", "alice", "--password-file",
                dir.resolve("missing").toString())).isInstanceOf(LaunchOptions.BadOption.class).hasMessageContaining("cannot be read");
    }

    @Test
    void thePasswordMayComeFromTheEnvironment() throws Exception {
        LaunchOptions options = parse(Map.of("LIFELINE_PASSWORD", "secret"), "--server", "http://s", "--user", "alice");

        assertThat(options.password()).isEqualTo("secret");
        assertThat(options.warning()).isNull();
    }

    @Test
    void noOptionsMeansTheLoginWindowAsks() throws Exception {
        LaunchOptions options = parse(Map.of());

        assertThat(options.toConfig().canSignInAutomatically()).isFalse();
        assertThat(options.exitAfterFirstFrame()).isFalse();
    }

    @Test
    void flagsAreRecognised() throws Exception {
        LaunchOptions options = parse(Map.of(), "--exit-after-first-frame", "--version");

        assertThat(options.exitAfterFirstFrame()).isTrue();
        assertThat(options.version()).isTrue();
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedUnlessTheLaunchOptionAllowsIt() throws Exception {
        assertThat(parse(Map.of()).toConfig().plainHttpAllowed()).isFalse();

        LaunchOptions allowed = parse(Map.of(), "--allow-insecure-http", "--server", "http://10.0.0.5:8080");

        assertThat(allowed.toConfig().plainHttpAllowed()).isTrue();
        assertThat(allowed.toString()).contains("allowInsecureHttp=true");
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> parse(Map.of(), "--sever", "x"))
                .isInstanceOf(LaunchOptions.BadOption.class).hasMessageStartingWith("unknown option \"--sever\"");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThatThrownBy(() -> parse(Map.of(), "--server", "--user", "alice"))
                .isInstanceOf(LaunchOptions.BadOption.class).hasMessageStartingWith("--server needs a value");
    }

    @Test
    void aPasswordWithoutServerIsRefused() {
        assertThatThrownBy(() -> parse(Map.of(), "--password", "pw"))
                .isInstanceOf(LaunchOptions.BadOption.class).hasMessage("a password needs --server and --user to sign in with");
    }

    @Test
    void aVoiceTokenWithoutVoicePlaneIsRefused() {
        assertThatThrownBy(() -> parse(Map.of(), "--voice-token", "t"))
                .isInstanceOf(LaunchOptions.BadOption.class).hasMessage("--voice-token needs --voice-plane");
    }
}
