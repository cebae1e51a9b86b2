package dev.lifeline.desktop.softphone.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Files instead of sound hardware, for tests and headless machines: the microphone is a WAV file (looped) or any
 * generated source, the speaker records into a WAV file (or discards). Each call opens a fresh source, and its
 * recording replaces the previous call's.
 */
public final class FileAudioDevice implements AudioDevice {

    private final Supplier<FrameSource> microphone;
    private final Path recording;
    private final String description;

    private FileAudioDevice(Supplier<FrameSource> microphone, Path recording, String description) {
        this.microphone = microphone;
        this.recording = recording;
        this.description = description;
    }

    /** Plays {@code wav} into calls; records what is heard into {@code recording} (null: discard). */
    public static FileAudioDevice playing(Path wav, Path recording) throws IOException {
        new WavFileSource(wav); // refuse a wrong format now, not at the first call
        return new FileAudioDevice(() -> {
            try {
                return new WavFileSource(wav);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, recording, "file " + wav.getFileName());
    }

    /** Sends a sine tone into calls; records what is heard into {@code recording} (null: discard). */
    public static FileAudioDevice tone(double frequency, Path recording) {
        return new FileAudioDevice(() -> new ToneSource(frequency, 0.5), recording, frequency + " Hz tone");
    }

    @Override
    public String describe() {
        return description + (recording != null ? ", recording to " + recording : "");
    }

    @Override
    public FrameSource openMicrophone() {
        return microphone.get();
    }

    @Override
    public FrameSink openSpeaker() throws AudioUnavailableException {
        if (recording == null) {
            return frame -> {
            };
        }
        try {
            return new WavFileSink(recording);
        } catch (IOException e) {
            throw new AudioUnavailableException("cannot record to " + recording, e);
        }
    }
}
