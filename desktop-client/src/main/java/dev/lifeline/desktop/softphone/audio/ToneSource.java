package dev.lifeline.desktop.softphone.audio;

/** A continuous sine tone (e.g. 1000 Hz for tests, where the far end detects it with Goertzel). */
public final class ToneSource implements FrameSource {

    private final double step;
    private final double amplitude;
    private long sample;

    /** @param level amplitude as a fraction of full scale (0–1) */
    public ToneSource(double frequency, double level) {
        this.step = 2 * Math.PI * frequency / AudioDevice.SAMPLE_RATE;
        this.amplitude = level * Short.MAX_VALUE;
    }

    @Override
    public short[] read() {
        short[] frame = new short[AudioDevice.FRAME_SAMPLES];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (short) Math.round(amplitude * Math.sin(step * sample++));
        }
        return frame;
    }
}
