package dev.lifeline.desktop.softphone.audio;

/**
 * The softphone's sound hardware, or what stands in for it: Java Sound ({@link JavaSoundAudioDevice}), nothing
 * ({@link NullAudioDevice}) or files ({@link FileAudioDevice}). Each call opens its own microphone and speaker
 * and closes them when it ends.
 */
public interface AudioDevice {

    /** Frames per second everywhere in the softphone: 20 ms of 8 kHz mono. */
    int SAMPLE_RATE = 8000;
    int FRAME_SAMPLES = 160;

    /** A short description for logs and settings ("Java Sound: USB Headset", "no audio device"). */
    String describe();

    FrameSource openMicrophone() throws AudioUnavailableException;

    FrameSink openSpeaker() throws AudioUnavailableException;
}
