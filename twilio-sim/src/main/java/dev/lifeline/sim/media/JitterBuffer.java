package dev.lifeline.sim.media;

import java.util.TreeMap;

/**
 * A small fixed-delay jitter buffer for one incoming stream (sip.md §3.4): frames are ordered by sequence number
 * (16-bit wrap handled by unrolling it), duplicates and frames older than the playout point are dropped, playout
 * starts once {@code depth} frames are held and then takes one frame per 20 ms tick; a missing frame plays as
 * null (the mixer hears silence). A new SSRC resets it. Pure; the caller synchronises.
 */
public final class JitterBuffer {

    private static final int MAX_FRAMES = 50;

    private final int depth;
    private final TreeMap<Long, short[]> frames = new TreeMap<>();
    private long ssrc = -1;
    private long highest = Long.MIN_VALUE;
    private long nextToPlay = Long.MIN_VALUE;
    private boolean playing;

    /** @param depth frames held before playout starts (2–4 on a LAN) */
    public JitterBuffer(int depth) {
        this.depth = Math.max(1, depth);
    }

    public void put(RtpPacket packet, short[] samples) {
        if (packet.ssrc() != ssrc) {
            reset();
            ssrc = packet.ssrc();
        }
        long extended = unroll(packet.sequence());
        if (playing && extended < nextToPlay) {
            return; // too late: its slot has already been played (or concealed)
        }
        frames.putIfAbsent(extended, samples);
        highest = Math.max(highest, extended);
        while (frames.size() > MAX_FRAMES) {
            frames.pollFirstEntry();
        }
    }

    /** The frame due at this tick, or null (nothing yet, or lost). */
    public short[] take() {
        if (!playing) {
            if (frames.size() < depth) {
                return null;
            }
            playing = true;
            nextToPlay = frames.firstKey();
        }
        if (frames.isEmpty()) {
            // the stream paused: start again with the buffering delay when it comes back
            playing = false;
            return null;
        }
        if (frames.firstKey() > nextToPlay + MAX_FRAMES) {
            nextToPlay = frames.firstKey(); // a big jump: follow the stream instead of concealing for ever
        }
        short[] frame = frames.remove(nextToPlay);
        nextToPlay++;
        return frame;
    }

    public int size() {
        return frames.size();
    }

    private long unroll(int sequence) {
        if (highest == Long.MIN_VALUE) {
            return sequence + 0x10000L; // room below for a late packet from before the first
        }
        long base = highest & ~0xFFFFL;
        long candidate = base | sequence;
        if (candidate - highest > 0x8000) {
            candidate -= 0x10000;
        } else if (highest - candidate > 0x8000) {
            candidate += 0x10000;
        }
        return candidate;
    }

    private void reset() {
        frames.clear();
        highest = Long.MIN_VALUE;
        nextToPlay = Long.MIN_VALUE;
        playing = false;
    }
}
