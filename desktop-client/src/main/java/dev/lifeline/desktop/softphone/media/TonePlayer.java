package dev.lifeline.desktop.softphone.media;

import dev.lifeline.desktop.softphone.audio.FrameSink;
import dev.lifeline.desktop.softphone.audio.FrameSource;

/** Plays a generated sound (the ring tone) on a sink, one frame per 20 ms tick, until closed. */
public final class TonePlayer implements AutoCloseable {

    private final FrameSink sink;
    private final MediaClock clock;

    public TonePlayer(FrameSource tone, FrameSink sink) {
        this.sink = sink;
        this.clock = new MediaClock("softphone-ring", (index, now) -> sink.write(tone.read()));
    }

    @Override
    public void close() {
        clock.close();
        sink.close();
    }
}
