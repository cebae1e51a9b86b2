package dev.lifeline.desktop.settings;

import dev.lifeline.desktop.softphone.audio.AudioDeviceCatalog;
import dev.lifeline.desktop.ui.ViewLoader;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The audio settings dialog as a window of its own over the desk: lists the devices again each time it opens, and
 * the choice saved in it is what the next call (and ring) opens ({@link RememberedAudioDevice}).
 */
public final class AudioSettingsDialog {

    private final AudioDeviceCatalog catalog;
    private final AudioSettingsStore store;
    private Stage stage;

    public AudioSettingsDialog(AudioDeviceCatalog catalog, AudioSettingsStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    /** Shows the dialog over {@code owner} (brings it to the front when it is open already). */
    public void show(Window owner) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return;
        }
        AudioSettingsView view = new AudioSettingsView(new AudioSettingsViewModel(catalog, store));
        Scene scene = new Scene(view.root());
        scene.getStylesheets().add(ViewLoader.stylesheet());
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Audio devices");
        stage.setScene(scene);
        stage.show();
    }

    /** Closes the dialog if it is open (the desk is going away). */
    public void close() {
        if (stage != null) {
            stage.close();
        }
    }
}
