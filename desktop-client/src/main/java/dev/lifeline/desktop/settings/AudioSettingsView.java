package dev.lifeline.desktop.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;

/** The audio settings dialog's content ({@code AudioSettingsView.fxml}), bound to an {@link AudioSettingsViewModel}. */
public final class AudioSettingsView {

    private final AudioSettingsViewModel model;
    private final Parent root;

    @FXML
    private ComboBox<String> microphoneChoice;
    @FXML
    private ComboBox<String> speakerChoice;
    @FXML
    private Label audioSettingsMessage;
    @FXML
    private Button saveAudioButton;
    @FXML
    private Button refreshAudioButton;

    public AudioSettingsView(AudioSettingsViewModel model) {
        this.model = model;
        FXMLLoader loader = new FXMLLoader(AudioSettingsView.class.getResource("AudioSettingsView.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load AudioSettingsView.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        microphoneChoice.setItems(model.microphones());
        speakerChoice.setItems(model.speakers());
        microphoneChoice.valueProperty().bindBidirectional(model.microphoneProperty());
        speakerChoice.valueProperty().bindBidirectional(model.speakerProperty());
        audioSettingsMessage.textProperty().bind(model.messageProperty());
        saveAudioButton.setOnAction(event -> model.save());
        refreshAudioButton.setOnAction(event -> model.refresh());
    }

    public Parent root() {
        return root;
    }
}
