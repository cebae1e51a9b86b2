package dev.lifeline.sim.media;

import java.util.Arrays;

/** What a simulated party heard, decoded, capped so a long call cannot eat the heap. Thread-safe. */
public final class Recording {

    /** Ten minutes at 8 kHz; the oldest audio goes first. */
    private static final int MAX_SAMPLES = 10 * 60 * Codec.SAMPLE_RATE;

    private short[] samples = new short[Codec.SAMPLE_RATE * 4];
    private int length;
    /** When each frame was heard ({@link System#nanoTime()}), for mouth-to-ear measurements. */
    private long[] frameNanos = new long[200];
    private int frames;

    synchronized void append(short[] frame) {
        if (length + frame.length > MAX_SAMPLES) {
            int drop = length + frame.length - MAX_SAMPLES;
            System.arraycopy(samples, drop, samples, 0, length - drop);
            length -= drop;
            int dropFrames = drop / Codec.FRAME_SAMPLES;
            System.arraycopy(frameNanos, dropFrames, frameNanos, 0, frames - dropFrames);
            frames -= dropFrames;
        }
        if (frames == frameNanos.length) {
            frameNanos = Arrays.copyOf(frameNanos, frames * 2);
        }
        frameNanos[frames++] = System.nanoTime();
        if (length + frame.length > samples.length) {
            samples = Arrays.copyOf(samples, Math.min(MAX_SAMPLES, Math.max(samples.length * 2, length + frame.length)));
        }
        System.arraycopy(frame, 0, samples, length, frame.length);
        length += frame.length;
    }

    /** When the frame holding sample {@code index} (of {@link #samples()}) was heard, in {@link System#nanoTime()}. */
    public synchronized long nanosAt(int index) {
        return frameNanos[Math.min(frames - 1, index / Codec.FRAME_SAMPLES)];
    }

    /** Everything heard so far. */
    public synchronized short[] samples() {
        return Arrays.copyOf(samples, length);
    }

    /** The last {@code seconds} heard (all of it when shorter). */
    public synchronized short[] last(double seconds) {
        int wanted = (int) Math.min(length, Math.round(seconds * Codec.SAMPLE_RATE));
        return Arrays.copyOfRange(samples, length - wanted, length);
    }
}
