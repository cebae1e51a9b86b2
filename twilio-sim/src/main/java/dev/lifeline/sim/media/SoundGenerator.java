package dev.lifeline.sim.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the two built-in sounds, deterministically, from sine notes with a soft attack and release (no samples from
 * anywhere else, so no licence question). {@code SoundGeneratorTest} checks the committed files are exactly what this
 * makes. Regenerate with:
 * <pre>java -cp twilio-sim/target/classes dev.lifeline.sim.media.SoundGenerator twilio-sim/src/main/resources/dev/lifeline/sim/media</pre>
 */
public final class SoundGenerator {

    /**
     * A slow arpeggio over C major, E minor, F major, G major: eight seconds, looped as hold music. No note is 440 Hz or
     * 1000 Hz, the test tones, so a test can tell hold music from a party's voice.
     */
    private static final double[][] HOLD_CHORDS = {
        {261.63, 329.63, 392.00, 523.25}, {164.81, 196.00, 246.94, 329.63},
        {174.61, 220.00, 261.63, 349.23}, {196.00, 246.94, 293.66, 392.00}};
    /** A three-note chime, rising: the announcement ("please hold, reconnecting"). */
    private static final double[] CHIME = {523.25, 659.25, 783.99};

    private SoundGenerator() {
    }

    public static short[] holdMusic() {
        int noteSamples = Codec.SAMPLE_RATE / 2;
        short[] out = new short[HOLD_CHORDS.length * 4 * noteSamples];
        int at = 0;
        for (double[] chord : HOLD_CHORDS) {
            for (double note : chord) {
                note(out, at, noteSamples, note, 0.25);
                at += noteSamples;
            }
        }
        return out;
    }

    public static short[] announcement() {
        int noteSamples = (int) (Codec.SAMPLE_RATE * 0.4);
        short[] out = new short[CHIME.length * noteSamples + Codec.SAMPLE_RATE / 2];
        for (int i = 0; i < CHIME.length; i++) {
            note(out, i * noteSamples, noteSamples, CHIME[i], 0.35);
        }
        return out;
    }

    private static void note(short[] out, int at, int length, double frequency, double level) {
        int ramp = Codec.SAMPLE_RATE / 50; // 20 ms attack and release: no clicks between notes
        for (int i = 0; i < length; i++) {
            double envelope = Math.min(1.0, Math.min(i, length - 1 - i) / (double) ramp);
            double sample = Math.sin(2 * Math.PI * frequency * i / Codec.SAMPLE_RATE)
                    + 0.3 * Math.sin(4 * Math.PI * frequency * i / Codec.SAMPLE_RATE);
            out[at + i] = (short) Math.round(sample / 1.3 * level * envelope * 32767);
        }
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : ".");
        Files.write(directory.resolve(BuiltInAudio.HOLD_MUSIC), Wav.write(holdMusic()));
        Files.write(directory.resolve(BuiltInAudio.ANNOUNCEMENT), Wav.write(announcement()));
    }
}
