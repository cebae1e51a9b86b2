package dev.lifeline.sim.media;

/**
 * Plays decoded audio frame by frame, {@code loops} times ({@code 0} = for ever, as {@code <Play loop="0">}).
 * Not thread-safe.
 */
public final class ClipSource implements FrameSource {

    private final short[] samples;
    private final int loops;
    private int position;
    private int played;

    public ClipSource(short[] samples, int loops) {
        this.samples = samples;
        this.loops = loops;
    }

    @Override
    public short[] nextFrame() {
        if (samples.length == 0 || (loops > 0 && played >= loops)) {
            return null;
        }
        short[] frame = new short[Codec.FRAME_SAMPLES];
        int filled = 0;
        while (filled < frame.length) {
            int take = Math.min(frame.length - filled, samples.length - position);
            System.arraycopy(samples, position, frame, filled, take);
            filled += take;
            position += take;
            if (position == samples.length) {
                position = 0;
                played++;
                if (loops > 0 && played >= loops) {
                    return filled == 0 ? null : frame; // the rest of the last frame stays silent
                }
            }
        }
        return frame;
    }
}
