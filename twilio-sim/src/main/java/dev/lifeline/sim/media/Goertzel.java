package dev.lifeline.sim.media;

/**
 * Tone detection (sip.md §3.5): the Goertzel power of one frequency in a block, normalised by the block's energy so a
 * pure tone at that frequency scores about 1 and anything else near 0. Blocks of 205 samples at 8 kHz (~25.6 ms);
 * a block "hits" above 0.5. Pure.
 */
public final class Goertzel {

    public static final int BLOCK = 205;
    public static final double HIT = 0.5;
    /** Blocks quieter than this (mean square, 16-bit units) are silence, not a miss of some tone. */
    private static final double SILENCE_MEAN_SQUARE = 100 * 100;

    private Goertzel() {
    }

    /** Normalised power of {@code frequency} in {@code samples[offset, offset+length)}; 0 for a silent block. */
    public static double power(short[] samples, int offset, int length, double frequency, int sampleRate) {
        double k = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = offset; i < offset + length; i++) {
            double x = samples[i];
            double s = x + k * s1 - s2;
            s2 = s1;
            s1 = s;
            energy += x * x;
        }
        if (energy / length < SILENCE_MEAN_SQUARE) {
            return 0;
        }
        double power = s1 * s1 + s2 * s2 - k * s1 * s2;
        return power / (energy * length / 2);
    }

    /** What share of the sound blocks in {@code samples} carry {@code frequency}, and how many blocks had sound. */
    public static Detection detect(short[] samples, double frequency, int sampleRate) {
        int blocks = 0;
        int sounding = 0;
        int hits = 0;
        for (int at = 0; at + BLOCK <= samples.length; at += BLOCK) {
            blocks++;
            double p = power(samples, at, BLOCK, frequency, sampleRate);
            if (p > 0 || hasEnergy(samples, at)) {
                sounding++;
            }
            if (p > HIT) {
                hits++;
            }
        }
        return new Detection(frequency, blocks, sounding, hits);
    }

    private static boolean hasEnergy(short[] samples, int at) {
        double energy = 0;
        for (int i = at; i < at + BLOCK; i++) {
            energy += (double) samples[i] * samples[i];
        }
        return energy / BLOCK >= SILENCE_MEAN_SQUARE;
    }

    /**
     * @param blocks   blocks examined
     * @param sounding blocks with sound in them
     * @param hits     blocks whose normalised power at the frequency passed {@link #HIT}
     */
    public record Detection(double frequency, int blocks, int sounding, int hits) {

        /** Hits as a share of the blocks with sound (0 when all was silent). */
        public double ratio() {
            return sounding == 0 ? 0 : (double) hits / sounding;
        }
    }
}
