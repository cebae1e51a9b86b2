package dev.lifeline.desktop.softphone.media;

/**
 * Tone detection for tests (sip.md §3.5): the Goertzel power of one frequency in a block, normalised by the
 * block's energy so a pure tone at that frequency scores about 1 and silence or other tones about 0.
 */
public final class Goertzel {

    /** 205 samples at 8 kHz (~25.6 ms): the classic DTMF block, fine enough to tell 440 Hz from 1000 Hz. */
    public static final int BLOCK = 205;
    public static final double HIT = 0.5;

    private Goertzel() {
    }

    public static double normalisedPower(short[] samples, int from, int length, double frequency, int sampleRate) {
        double k = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = from; i < from + length; i++) {
            double x = samples[i];
            double s = x + k * s1 - s2;
            s2 = s1;
            s1 = s;
            energy += x * x;
        }
        if (energy < 1e-9) {
            return 0;
        }
        double power = s1 * s1 + s2 * s2 - k * s1 * s2;
        return power / (energy * length / 2);
    }

    /** How many whole blocks of {@code samples} hit {@code frequency}, and how many blocks there are. */
    public static int[] hits(short[] samples, double frequency) {
        int blocks = samples.length / BLOCK;
        int hits = 0;
        for (int b = 0; b < blocks; b++) {
            if (normalisedPower(samples, b * BLOCK, BLOCK, frequency, 8000) > HIT) {
                hits++;
            }
        }
        return new int[] {hits, blocks};
    }
}
