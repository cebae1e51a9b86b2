package dev.lifeline.desktop.softphone.media;

/**
 * The packets of one key press sent as RFC 4733 events, one per 20 ms tick: {@link #TONE_TICKS} packets with a
 * growing duration (the first with the marker bit), then the end packet three times (§2.5.1.4, redundancy for
 * loss). Every packet carries the timestamp of the tick the event began on.
 */
public final class DtmfTone {

    /** 100 ms of tone: long enough for any receiver, short enough to dial quickly. */
    public static final int TONE_TICKS = 5;
    public static final int END_REPEATS = 3;
    /** -10 dBm0, a typical DTMF level. */
    public static final int VOLUME = 10;

    private final int event;
    private final long startTimestamp;
    private int sent;

    public DtmfTone(char key, long startTimestamp) {
        this.event = TelephoneEvent.eventFor(key);
        this.startTimestamp = startTimestamp;
    }

    public boolean finished() {
        return sent >= TONE_TICKS + END_REPEATS;
    }

    public long startTimestamp() {
        return startTimestamp;
    }

    public boolean nextIsFirst() {
        return sent == 0;
    }

    /** The payload for the next tick; call {@link #finished()} first. */
    public TelephoneEvent next() {
        if (finished()) {
            throw new IllegalStateException("the tone was sent completely");
        }
        int ticks = Math.min(sent + 1, TONE_TICKS);
        boolean end = sent >= TONE_TICKS - 1;
        sent++;
        return new TelephoneEvent(event, end, VOLUME, ticks * Codec.SAMPLES_PER_FRAME);
    }
}
