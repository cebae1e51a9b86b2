package dev.lifeline.desktop.softphone.audio;

/** Silence in, nothing out: for machines without sound hardware, and the fallback when a device is missing. */
public final class NullAudioDevice implements AudioDevice {

    @Override
    public String describe() {
        return "no audio device";
    }

    @Override
    public FrameSource openMicrophone() {
        return () -> new short[FRAME_SAMPLES];
    }

    @Override
    public FrameSink openSpeaker() {
        return frame -> {
        };
    }
}
