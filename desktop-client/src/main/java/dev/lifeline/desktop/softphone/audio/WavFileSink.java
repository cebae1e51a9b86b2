package dev.lifeline.desktop.softphone.audio;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Records what the softphone plays into a WAV file (8 kHz mono 16-bit); the header's sizes are set on close. */
public final class WavFileSink implements FrameSink {

    private final RandomAccessFile file;
    private int dataBytes;

    public WavFileSink(Path path) throws IOException {
        this.file = new RandomAccessFile(path.toFile(), "rw");
        file.setLength(0);
        file.write(Wav.header(0));
    }

    @Override
    public synchronized void write(short[] frame) {
        try {
            byte[] bytes = Wav.bytes(frame);
            file.write(bytes);
            dataBytes += bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            file.seek(0);
            file.write(Wav.header(dataBytes));
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
