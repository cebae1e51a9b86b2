package dev.lifeline.desktop.settings;

import dev.lifeline.desktop.softphone.audio.AudioDevice;
import dev.lifeline.desktop.softphone.audio.JavaSoundAudioDevice;

/**
 * The agent's microphone and speaker by device name; null means the system default.
 */
public record AudioChoice(String microphone, String speaker) {

    public static final AudioChoice SYSTEM_DEFAULT = new AudioChoice(null, null);

    /** The Java Sound device for this choice (a device that is gone falls back to the default when opened). */
    public AudioDevice toDevice() {
        return new JavaSoundAudioDevice(microphone, speaker);
    }
}
