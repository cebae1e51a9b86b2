package dev.lifeline.sim.media;

/** Audio handed out 20 ms (160 samples at 8 kHz) at a time. */
public interface FrameSource {

    /** The next frame, or null when the source has ended. */
    short[] nextFrame();
}
