package dev.lifeline.desktop.settings;

import dev.lifeline.desktop.softphone.audio.AudioDevice;
import dev.lifeline.desktop.softphone.audio.AudioUnavailableException;
import dev.lifeline.desktop.softphone.audio.FrameSink;
import dev.lifeline.desktop.softphone.audio.FrameSource;

/**
 * The microphone and speaker the agent chose in the audio settings dialog, read again each time one opens: a choice
 * saved during a shift applies from the next call (or ring) on, as the dialog promises, without signing in again.
 */
public final class RememberedAudioDevice implements AudioDevice {

    private final AudioSettingsStore store;

    public RememberedAudioDevice(AudioSettingsStore store) {
        this.store = store;
    }

    @Override
    public String describe() {
        return store.load().toDevice().describe();
    }

    @Override
    public FrameSource openMicrophone() throws AudioUnavailableException {
        return store.load().toDevice().openMicrophone();
    }

    @Override
    public FrameSink openSpeaker() throws AudioUnavailableException {
        return store.load().toDevice().openSpeaker();
    }
}
