package dev.lifeline.desktop.softphone.audio;

/** Where the softphone's outgoing audio comes from: one 20 ms frame (160 samples, 8 kHz, 16-bit) per call. */
public interface FrameSource extends AutoCloseable {

    /** The next frame; never blocks for long and never returns null (silence when there is nothing). */
    short[] read();

    @Override
    default void close() {
    }
}
