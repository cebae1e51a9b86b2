package dev.lifeline.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.desktop.softphone.media.PortRange;
import dev.lifeline.desktop.softphone.sip.SipOptions;
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

    /** The emulator's WebSocket softphone is gone (issue 12): its options are unknown now, not silently ignored. */
    @Test
    void theRetiredVoicePlaneOptionIsUnknown() {
        assertThatThrownBy(() -> parse(Map.of(), "--voice-plane", "ws://localhost:1/voice-plane"))
                .isInstanceOf(LaunchOptions.BadOption.class).hasMessageStartingWith("unknown option \"--voice-plane\"");
    }

    @Test
    void audioOptionsChooseTheDeviceAndRefuseWhatCannotWork(@TempDir Path folder) throws Exception {
        assertThat(parse(Map.of(), "--audio", "none").phone().audio().describe()).isEqualTo("no audio device");
        Path recording = folder.resolve("heard.wav");
        assertThat(parse(Map.of(), "--audio", "tone:1000", "--audio-record", recording.toString()).phone().audio()
                .describe()).isEqualTo("1000.0 Hz tone, recording to " + recording);
        assertThat(parse(Map.of()).phone().audio()).as("no --audio: the devices chosen in the dialog").isNull();
        assertThatThrownBy(() -> parse(Map.of(), "--audio", "tone:loud"))
                .isInstanceOf(LaunchOptions.BadOption.class)
                .hasMessage("--audio tone:HZ needs a frequency between 0 and 4000 Hz, not 'loud'");
        assertThatThrownBy(() -> parse(Map.of(), "--audio-record", recording.toString()))
                .isInstanceOf(LaunchOptions.BadOption.class).hasMessageStartingWith("--audio-record needs --audio");
        Path notWav = Files.writeString(folder.resolve("speech.wav"), "not a wav");
        assertThatThrownBy(() -> parse(Map.of(), "--audio", notWav.toString()))
                .isInstanceOf(LaunchOptions.BadOption.class)
                .hasMessageStartingWith("--audio " + notWav + ": not a readable 8 kHz mono 16-bit WAV file");
    }

    @Test
    void phoneSettingsComeFromTheGivenFileAndABadValueNamesIt(@TempDir Path folder) throws Exception {
        Path good = Files.writeString(folder.resolve("phone.properties"), "sip.port=22060\nrtp.ports=22100-22199\n");
        SipOptions options = parse(Map.of(), "--phone-settings", good.toString()).phone().options();
        assertThat(options.sipPort()).isEqualTo(22060);
        assertThat(options.rtpPorts()).isEqualTo(new PortRange(22100, 22199));
        Path bad = Files.writeString(folder.resolve("bad.properties"), "sip.port=many\n");
        assertThatThrownBy(() -> parse(Map.of(), "--phone-settings", bad.toString()))
                .isInstanceOf(LaunchOptions.BadOption.class).hasMessageStartingWith(bad + ": phone settings: a number");
        assertThatThrownBy(() -> parse(Map.of(), "--phone-settings", folder.resolve("missing").toString()))
                .isInstanceOf(LaunchOptions.BadOption.class).hasMessageContaining("cannot be read");
    }
}
