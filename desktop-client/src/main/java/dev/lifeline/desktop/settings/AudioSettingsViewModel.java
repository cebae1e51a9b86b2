package dev.lifeline.desktop.settings;

import dev.lifeline.desktop.softphone.audio.AudioDeviceCatalog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audio settings dialog: the microphones and speakers Java Sound offers (the system default first), the
 * remembered choice preselected, and Save to remember a new one. With no devices at all it says so in plain
 * words; calls then run without sound (the null device).
 */
public final class AudioSettingsViewModel {

    /** How the system default shows in the lists (it is stored as no name at all). */
    public static final String SYSTEM_DEFAULT = "System default";

    private final AudioDeviceCatalog catalog;
    private final AudioSettingsStore store;
    private final ObservableList<String> microphones = FXCollections.observableArrayList();
    private final ObservableList<String> speakers = FXCollections.observableArrayList();
    private final ObjectProperty<String> microphone = new SimpleObjectProperty<>(SYSTEM_DEFAULT);
    private final ObjectProperty<String> speaker = new SimpleObjectProperty<>(SYSTEM_DEFAULT);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AudioSettingsViewModel(AudioDeviceCatalog catalog, AudioSettingsStore store) {
        this.catalog = catalog;
        this.store = store;
        refresh();
    }

    /** Lists the devices again (a headset plugged in) and selects the remembered choice. */
    public void refresh() {
        List<String> mics = catalog.microphones();
        List<String> outs = catalog.speakers();
        microphones.setAll(withDefault(mics));
        speakers.setAll(withDefault(outs));
        AudioChoice remembered = store.load();
        microphone.set(pick(remembered.microphone(), microphones));
        speaker.set(pick(remembered.speaker(), speakers));
        if (mics.isEmpty() && outs.isEmpty()) {
            message.set("No microphone or speaker found on this computer; calls will have no sound.");
        } else if (mics.isEmpty()) {
            message.set("No microphone found on this computer; callers will not hear you.");
        } else if (outs.isEmpty()) {
            message.set("No speaker found on this computer; you will not hear callers.");
        } else if (remembered.microphone() != null && !mics.contains(remembered.microphone())) {
            message.set("\"" + remembered.microphone() + "\" is not connected; the system default is used.");
        } else {
            message.set("");
        }
    }

    /** Remembers the selection; a failure to write is reported in the dialog, not thrown. */
    public boolean save() {
        try {
            store.save(choice());
            message.set("Saved. The next call uses these devices.");
            return true;
        } catch (IOException e) {
            message.set("The choice could not be saved: " + e.getMessage());
            return false;
        }
    }

    /** The selection as the softphone wants it (no name for the system default). */
    public AudioChoice choice() {
        return new AudioChoice(nameOrNull(microphone.get()), nameOrNull(speaker.get()));
    }

    public ObservableList<String> microphones() {
        return microphones;
    }

    public ObservableList<String> speakers() {
        return speakers;
    }

    public ObjectProperty<String> microphoneProperty() {
        return microphone;
    }

    public ObjectProperty<String> speakerProperty() {
        return speaker;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private static List<String> withDefault(List<String> names) {
        List<String> all = new ArrayList<>();
        all.add(SYSTEM_DEFAULT);
        all.addAll(names);
        return all;
    }

    private static String pick(String remembered, List<String> available) {
        return remembered != null && available.contains(remembered) ? remembered : SYSTEM_DEFAULT;
    }

    private static String nameOrNull(String selected) {
        return selected == null || SYSTEM_DEFAULT.equals(selected) ? null : selected;
    }
}
