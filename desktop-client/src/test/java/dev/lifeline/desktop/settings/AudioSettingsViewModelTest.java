package dev.lifeline.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.softphone.audio.AudioDeviceCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioSettingsViewModelTest {

    @TempDir
    Path config;

    @Test
    void listsTheDevicesWithTheSystemDefaultFirstAndRemembersTheChoice() {
        AudioSettingsViewModel model = new AudioSettingsViewModel(catalog(List.of("USB Headset", "Built-in")),
                new AudioSettingsStore(config));
        assertThat(model.microphones()).containsExactly("System default", "USB Headset", "Built-in");
        assertThat(model.microphoneProperty().get()).isEqualTo("System default");

        model.microphoneProperty().set("USB Headset");
        model.speakerProperty().set("Built-in");
        assertThat(model.save()).isTrue();

        AudioSettingsViewModel reopened = new AudioSettingsViewModel(catalog(List.of("USB Headset", "Built-in")),
                new AudioSettingsStore(config));
        assertThat(reopened.microphoneProperty().get()).isEqualTo("USB Headset");
        assertThat(reopened.speakerProperty().get()).isEqualTo("Built-in");
        assertThat(reopened.choice()).isEqualTo(new AudioChoice("USB Headset", "Built-in"));
    }

    @Test
    void aRememberedDeviceThatIsGoneFallsBackToTheDefaultAndSaysSo() throws Exception {
        new AudioSettingsStore(config).save(new AudioChoice("Old Headset", null));

        AudioSettingsViewModel model = new AudioSettingsViewModel(catalog(List.of("Built-in")),
                new AudioSettingsStore(config));

        assertThat(model.microphoneProperty().get()).isEqualTo("System default");
        assertThat(model.messageProperty().get()).isEqualTo("\"Old Headset\" is not connected; the system default is used.");
    }

    @Test
    void noSoundHardwareIsSaidInPlainWords() {
        AudioSettingsViewModel model = new AudioSettingsViewModel(catalog(List.of()), new AudioSettingsStore(config));

        assertThat(model.messageProperty().get())
                .isEqualTo("No microphone or speaker found on this computer; calls will have no sound.");
        assertThat(model.choice()).isEqualTo(AudioChoice.SYSTEM_DEFAULT);
    }

    @Test
    void theConfigDirectoryFollowsThePlatform() {
        assertThat(ConfigDirectory.resolve("Linux", "/home/a", Map.of())).isEqualTo(Path.of("/home/a/.config/lifeline"));
        assertThat(ConfigDirectory.resolve("Linux", "/home/a", Map.of("XDG_CONFIG_HOME", "/x")))
                .isEqualTo(Path.of("/x/lifeline"));
        assertThat(ConfigDirectory.resolve("Windows 11", "C:/Users/a", Map.of("APPDATA", "C:/AppData")))
                .isEqualTo(Path.of("C:/AppData", "Lifeline"));
        assertThat(ConfigDirectory.resolve("Mac OS X", "/Users/a", Map.of()))
                .isEqualTo(Path.of("/Users/a/Library/Application Support/Lifeline"));
    }

    static AudioDeviceCatalog catalog(List<String> names) {
        return new AudioDeviceCatalog() {
            @Override
            public List<String> microphones() {
                return names;
            }

            @Override
            public List<String> speakers() {
                return names;
            }
        };
    }
}
