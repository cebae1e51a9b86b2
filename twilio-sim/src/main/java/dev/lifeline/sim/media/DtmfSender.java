package dev.lifeline.sim.media;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sends keys as RFC 4733 telephone-events in one RTP stream: per key, 100 ms of event packets (one every 20 ms, the
 * first with the marker bit, all with the event's start timestamp and a growing duration), three end packets (§2.5.1.4),
 * then 60 ms of ordinary audio before the next key. Not thread-safe: the media thread owns it.
 */
public final class DtmfSender {

    private static final int UPDATE_PACKETS = 5;
    private static final int END_PACKETS = 3;
    private static final int GAP_FRAMES = 3;
    private static final int VOLUME = 10; // -10 dBm0, a typical phone's level

    private final Deque<Character> keys = new ArrayDeque<>();
    private int step;
    private long eventTimestamp;

    public void add(String digits) {
        for (char key : digits.toCharArray()) {
            TelephoneEvent.codeOf(key); // refuses what is not a key before anything is queued
        }
        digits.chars().forEach(c -> keys.add((char) c));
    }

    public boolean idle() {
        return keys.isEmpty();
    }

    /** The telephone-event packet to send this 20 ms instead of audio, or null to send audio. */
    public RtpPacket next(RtpSender sender, int payloadType) {
        Character key = keys.peek();
        if (key == null) {
            return null;
        }
        if (step >= UPDATE_PACKETS + END_PACKETS) {
            if (++step >= UPDATE_PACKETS + END_PACKETS + GAP_FRAMES) {
                keys.poll();
                step = 0;
            }
            return null;
        }
        if (step == 0) {
            eventTimestamp = sender.timestamp();
        }
        boolean end = step >= UPDATE_PACKETS;
        int duration = Math.min(step + 1, UPDATE_PACKETS) * Codec.FRAME_SAMPLES;
        byte[] payload = new TelephoneEvent(TelephoneEvent.codeOf(key), end, VOLUME, duration).encode();
        RtpPacket packet = sender.nextEvent(payloadType, step == 0, eventTimestamp, payload);
        step++;
        return packet;
    }
}
