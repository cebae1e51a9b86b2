package dev.lifeline.desktop.softphone.audio;

/**
 * The ring of an offered call, played on the speaker while it rings: the North American ringing tone (440 Hz +
 * 480 Hz, 2 s on, 4 s off; ITU-T E.180 lists it), at a quarter of full scale so it does not startle.
 */
public final class RingTone implements FrameSource {

    static final int ON_SAMPLES = 2 * AudioDevice.SAMPLE_RATE;
    static final int PERIOD_SAMPLES = 6 * AudioDevice.SAMPLE_RATE;
    private static final double LEVEL = 0.25 * Short.MAX_VALUE / 2;

    private long sample;

    @Override
    public short[] read() {
        short[] frame = new short[AudioDevice.FRAME_SAMPLES];
        for (int i = 0; i < frame.length; i++, sample++) {
            if (sample % PERIOD_SAMPLES < ON_SAMPLES) {
                double t = (double) sample / AudioDevice.SAMPLE_RATE;
                frame[i] = (short) Math.round(LEVEL * (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t)));
            }
        }
        return frame;
    }
}
