package dev.lifeline.desktop.softphone.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** WAV files of the softphone's one format: 8000 Hz, mono, 16-bit signed little-endian PCM. */
public final class Wav {

    public static final AudioFormat FORMAT = new AudioFormat(AudioDevice.SAMPLE_RATE, 16, 1, true, false);
    static final int HEADER_BYTES = 44;

    private Wav() {
    }

    /** Reads every sample; any other format is refused with a sentence naming the file and the format. */
    public static short[] read(Path file) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat format = in.getFormat();
            if (!format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED) || format.getChannels() != 1
                    || format.getSampleSizeInBits() != 16 || format.getSampleRate() != AudioDevice.SAMPLE_RATE
                    || format.isBigEndian()) {
                throw new IOException(file + " is " + format + "; the softphone needs 8000 Hz mono 16-bit PCM");
            }
            return samples(readAll(in));
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(file + " is not a WAV file", e);
        }
    }

    public static void write(Path file, short[] samples) throws IOException {
        byte[] data = bytes(samples);
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(header(data.length)).put(data);
        Files.write(file, out.array());
    }

    static byte[] header(int dataBytes) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes);
        header.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        header.putShort((short) 1).putShort((short) 1).putInt(AudioDevice.SAMPLE_RATE)
                .putInt(AudioDevice.SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        header.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        return header.array();
    }

    static byte[] bytes(short[] samples) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short sample : samples) {
            out.putShort(sample);
        }
        return out.array();
    }

    static short[] samples(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[bytes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = in.getShort();
        }
        return out;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
