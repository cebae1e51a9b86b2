package dev.lifeline.desktop.softphone.audio;

import java.io.IOException;
import java.nio.file.Path;

/** Plays a WAV file (8 kHz mono 16-bit) as the microphone, from the start again when it ends. */
public final class WavFileSource implements FrameSource {

    private final short[] samples;
    private int position;

    public WavFileSource(Path file) throws IOException {
        this.samples = Wav.read(file);
        if (samples.length == 0) {
            throw new IOException(file + " holds no audio");
        }
    }

    @Override
    public short[] read() {
        short[] frame = new short[AudioDevice.FRAME_SAMPLES];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = samples[position];
            position = (position + 1) % samples.length;
        }
        return frame;
    }
}
