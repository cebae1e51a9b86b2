package dev.lifeline.desktop.softphone.audio;

/** Where the softphone's incoming audio goes: one 20 ms frame (160 samples, 8 kHz, 16-bit) per call. */
public interface FrameSink extends AutoCloseable {

    /** Takes one frame; never blocks for long (a full device drops the frame rather than stall the call). */
    void write(short[] frame);

    @Override
    default void close() {
    }
}
