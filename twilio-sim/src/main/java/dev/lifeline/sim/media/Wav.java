package dev.lifeline.sim.media;

import java.io.ByteArrayOutputStream;

/**
 * WAV (RIFF) files as telephony uses them: 8 kHz mono, 16-bit linear PCM (format 1), A-law (6) or µ-law (7).
 * Pure over bytes. Anything else is refused with a {@link WavFormatException} saying what the file is, so the caller
 * can log one clear line and play silence.
 */
public final class Wav {

    private static final int PCM = 1;
    private static final int ALAW = 6;
    private static final int ULAW = 7;

    private Wav() {
    }

    /** @return the samples at 8 kHz */
    public static short[] read(byte[] file) {
        if (file == null || file.length < 12 || !tag(file, 0, "RIFF") || !tag(file, 8, "WAVE")) {
            throw new WavFormatException("not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int at = 12;
        while (at + 8 <= file.length) {
            String id = new String(file, at, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = le32(file, at + 4);
            int body = at + 8;
            if (size < 0 || body + size > file.length || (size == 0 && id.equals("data"))) {
                // a truncated last chunk, or a recorder still writing (its header says 0): take what is there
                size = file.length - body;
            }
            if (id.equals("fmt ")) {
                if (size < 16) {
                    throw new WavFormatException("WAV fmt chunk is too short");
                }
                format = le16(file, body);
                channels = le16(file, body + 2);
                rate = (int) le32(file, body + 4);
                bits = le16(file, body + 14);
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw new WavFormatException("WAV data chunk comes before its fmt chunk");
                }
                return decode(file, body, (int) size, format, channels, rate, bits);
            }
            at = body + (int) size + (int) (size & 1); // chunks are padded to an even size
        }
        throw new WavFormatException("WAV file has no data chunk");
    }

    private static short[] decode(byte[] file, int at, int size, int format, int channels, int rate, int bits) {
        String what = "format " + format + ", " + channels + " channel(s), " + rate + " Hz, " + bits + " bits";
        if (channels != 1 || rate != Codec.SAMPLE_RATE) {
            throw new WavFormatException("WAV must be 8000 Hz mono; this one is " + what);
        }
        if (format == PCM && bits == 16) {
            short[] samples = new short[size / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) le16(file, at + 2 * i);
            }
            return samples;
        }
        if ((format == ULAW || format == ALAW) && bits == 8) {
            return G711.decode(format == ULAW ? Codec.PCMU : Codec.PCMA, file, at, size);
        }
        throw new WavFormatException("WAV must be 16-bit PCM or G.711; this one is " + what);
    }

    /** A 16-bit PCM, 8 kHz, mono WAV file of {@code samples}. */
    public static byte[] write(short[] samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + samples.length * 2);
        int dataBytes = samples.length * 2;
        ascii(out, "RIFF");
        le32(out, 36 + dataBytes);
        ascii(out, "WAVE");
        ascii(out, "fmt ");
        le32(out, 16);
        le16(out, PCM);
        le16(out, 1);
        le32(out, Codec.SAMPLE_RATE);
        le32(out, Codec.SAMPLE_RATE * 2);
        le16(out, 2);
        le16(out, 16);
        ascii(out, "data");
        le32(out, dataBytes);
        for (short sample : samples) {
            le16(out, sample);
        }
        return out.toByteArray();
    }

    private static boolean tag(byte[] data, int at, String tag) {
        for (int i = 0; i < 4; i++) {
            if (data[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int le16(byte[] data, int at) {
        return (short) ((data[at] & 0xFF) | (data[at + 1] << 8));
    }

    private static long le32(byte[] data, int at) {
        return (data[at] & 0xFFL) | ((data[at + 1] & 0xFFL) << 8) | ((data[at + 2] & 0xFFL) << 16)
                | ((data[at + 3] & 0xFFL) << 24);
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        for (int i = 0; i < text.length(); i++) {
            out.write(text.charAt(i));
        }
    }

    private static void le16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >> 8) & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, int value) {
        le16(out, value & 0xFFFF);
        le16(out, (value >>> 16) & 0xFFFF);
    }
}
