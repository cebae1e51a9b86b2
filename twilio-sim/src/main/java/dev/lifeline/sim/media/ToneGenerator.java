package dev.lifeline.sim.media;

/** A phase-continuous sine at one frequency, handed out in 20 ms frames. Not thread-safe. */
public final class ToneGenerator implements FrameSource {

    private final double step;
    private final double amplitude;
    private double phase;

    /** @param level 0–1 of full scale; 0.5 is loud and clear without clipping when two are summed */
    public ToneGenerator(double frequency, double level) {
        this.step = 2 * Math.PI * frequency / Codec.SAMPLE_RATE;
        this.amplitude = Math.max(0, Math.min(1, level)) * 32767;
    }

    @Override
    public short[] nextFrame() {
        short[] frame = new short[Codec.FRAME_SAMPLES];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) Math.round(amplitude * Math.sin(phase));
            phase += step;
            if (phase > 2 * Math.PI) {
                phase -= 2 * Math.PI;
            }
        }
        return frame;
    }

    /** {@code seconds} of the tone as one block of samples (for generated files and tests). */
    public static short[] samples(double frequency, double level, double seconds) {
        ToneGenerator tone = new ToneGenerator(frequency, level);
        int frames = (int) Math.ceil(seconds * Codec.SAMPLE_RATE / Codec.FRAME_SAMPLES);
        short[] all = new short[frames * Codec.FRAME_SAMPLES];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(tone.nextFrame(), 0, all, f * Codec.FRAME_SAMPLES, Codec.FRAME_SAMPLES);
        }
        return all;
    }
}
