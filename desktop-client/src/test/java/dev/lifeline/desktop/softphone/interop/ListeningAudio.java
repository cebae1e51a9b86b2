package dev.lifeline.desktop.softphone.interop;

import dev.lifeline.desktop.softphone.audio.AudioDevice;
import dev.lifeline.desktop.softphone.audio.AudioUnavailableException;
import dev.lifeline.desktop.softphone.audio.FileAudioDevice;
import dev.lifeline.desktop.softphone.audio.FrameSink;
import dev.lifeline.desktop.softphone.audio.FrameSource;
import dev.lifeline.desktop.softphone.media.Goertzel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The softphone's audio in the interop tests: a 1000 Hz tone as the microphone, the speaker recorded to a WAV
 * file, and a live count of played frames that carry {@code listenFor} (so a test waits until audio arrived
 * instead of sleeping). Ring tones go to the same sink, so only frames during a call are counted.
 */
final class ListeningAudio implements AudioDevice {

    private final FileAudioDevice files;
    private final double listenFor;
    final AtomicInteger framesWithTone = new AtomicInteger();
    final Path recording;

    ListeningAudio(Path recording, double send, double listenFor) {
        this.files = FileAudioDevice.tone(send, recording);
        this.recording = recording;
        this.listenFor = listenFor;
    }

    @Override
    public String describe() {
        return "test audio: " + files.describe();
    }

    @Override
    public FrameSource openMicrophone() {
        return files.openMicrophone();
    }

    @Override
    public FrameSink openSpeaker() throws AudioUnavailableException {
        FrameSink sink = files.openSpeaker();
        return new FrameSink() {
            @Override
            public void write(short[] frame) {
                if (Goertzel.normalisedPower(frame, 0, frame.length, listenFor, SAMPLE_RATE) > Goertzel.HIT) {
                    framesWithTone.incrementAndGet();
                }
                sink.write(frame);
            }

            @Override
            public void close() {
                sink.close();
            }
        };
    }
}
