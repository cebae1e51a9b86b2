package dev.lifeline.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.testing.Await;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The audio settings dialog on a real (headless) stage: choose a microphone, save, and it is remembered. */
class AudioSettingsViewTest extends FxRobot {

    @TempDir
    Path config;

    @Test
    void choosingAndSavingAMicrophoneRemembersIt() throws Exception {
        AudioSettingsViewModel model = new AudioSettingsViewModel(
                AudioSettingsViewModelTest.catalog(List.of("USB Headset", "Built-in")), new AudioSettingsStore(config));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> {
            stage.setScene(new Scene(new AudioSettingsView(model).root()));
            stage.show();
        });

        @SuppressWarnings("unchecked")
        ComboBox<String> microphones = lookup("#microphoneChoice").queryAs(ComboBox.class);
        interact(() -> microphones.setValue("USB Headset"));
        clickOn("#saveAudioButton");

        Await.untilFx("the dialog confirms", () -> lookup("#audioSettingsMessage").queryAs(Label.class).getText()
                .startsWith("Saved."));
        assertThat(new AudioSettingsStore(config).load()).isEqualTo(new AudioChoice("USB Headset", null));
        FxToolkit.cleanupStages();
    }
}
