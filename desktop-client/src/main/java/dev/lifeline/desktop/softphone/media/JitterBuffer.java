package dev.lifeline.desktop.softphone.media;

import java.util.Map;
import java.util.TreeMap;

/**
 * An adaptive playout buffer for one incoming audio stream of 20 ms frames. Pure: arrival times come in as
 * milliseconds from any monotonic clock, so tests replay exact timings.
 *
 * <ul>
 *   <li>Frames are ordered by their sequence number, extended past the 16-bit wrap; duplicates and frames older
 *       than the playout point are dropped (counted).</li>
 *   <li>Interarrival jitter is estimated as RFC 3550 §6.4.1 does; the target playout delay is
 *       {@code 20 ms + 4 × jitter}, rounded up to whole frames and kept between {@value #MIN_DELAY_MS} and
 *       {@value #MAX_DELAY_MS} ms.</li>
 *   <li>The delay follows the target: a frame missing while the buffer holds less than the target is waited
 *       for (a concealment frame is played and the playout point stays, so the delay grows); a frame missing
 *       while the buffer is deeper than the target is declared lost and concealed; a buffer more than two
 *       frames deeper than the target drops one frame per tick until it is back.</li>
 *   <li>Loss concealment repeats the last good frame, fading by a fifth each time, then plays silence.</li>
 *   <li>A new SSRC or a jump of more than {@value #RESET_FRAMES} frames starts the stream afresh.</li>
 * </ul>
 */
public final class JitterBuffer {

    public static final int FRAME_MS = 20;
    public static final int MIN_DELAY_MS = 40;
    public static final int MAX_DELAY_MS = 200;
    static final int RESET_FRAMES = 500;
    private static final int CAPACITY_FRAMES = 2 * MAX_DELAY_MS / FRAME_MS + 10;
    private static final int FADE_STEPS = 5;

    private final int samplesPerFrame;
    private final TreeMap<Long, short[]> frames = new TreeMap<>();
    private final Stats stats = new Stats();

    private long ssrc = -1;
    private long highest = -1;
    private long nextToPlay = -1;
    private boolean playing;
    private boolean fresh = true;
    private long startAt;
    private double jitterMs;
    private long lastArrival;
    private long lastTimestamp;
    private short[] lastPlayed;
    private int concealedInARow;

    public JitterBuffer(int samplesPerFrame) {
        this.samplesPerFrame = samplesPerFrame;
    }

    /** Counters for logs and tests. */
    public static final class Stats {
        public long received;
        public long played;
        public long concealed;
        public long duplicates;
        public long late;
        public long droppedToShrink;
        public long resets;

        Stats copy() {
            Stats copy = new Stats();
            copy.received = received;
            copy.played = played;
            copy.concealed = concealed;
            copy.duplicates = duplicates;
            copy.late = late;
            copy.droppedToShrink = droppedToShrink;
            copy.resets = resets;
            return copy;
        }
    }

    public Stats stats() {
        return stats;
    }

    /** The playout delay the buffer currently aims for. */
    public int targetDelayMs() {
        int wanted = (int) Math.ceil((FRAME_MS + 4 * jitterMs) / FRAME_MS) * FRAME_MS;
        return Math.max(MIN_DELAY_MS, Math.min(MAX_DELAY_MS, wanted));
    }

    public double jitterMs() {
        return jitterMs;
    }

    /** Frames between the playout point and the newest frame (present or not): the delay, in frames. */
    public int depthFrames() {
        return highest < 0 || nextToPlay < 0 ? 0 : (int) Math.max(0, highest - nextToPlay + 1);
    }

    public void offer(long packetSsrc, int sequence, long timestamp, short[] pcm, long arrivalMillis) {
        if (packetSsrc != ssrc) {
            reset(packetSsrc);
        }
        long extended = extend(sequence);
        if (highest >= 0 && Math.abs(extended - highest) > RESET_FRAMES) {
            reset(packetSsrc);
            extended = extend(sequence);
        }
        if (playing && extended < nextToPlay) {
            stats.late++;
            updateJitter(timestamp, arrivalMillis);
            return;
        }
        if (frames.containsKey(extended)) {
            stats.duplicates++;
            return;
        }
        stats.received++;
        if (fresh) {
            fresh = false;
            startAt = arrivalMillis + targetDelayMs() - FRAME_MS;
        } else {
            updateJitter(timestamp, arrivalMillis);
        }
        lastArrival = arrivalMillis;
        lastTimestamp = timestamp;
        frames.put(extended, pcm);
        highest = Math.max(highest, extended);
        while (frames.size() > CAPACITY_FRAMES) {
            Map.Entry<Long, short[]> oldest = frames.pollFirstEntry();
            nextToPlay = Math.max(nextToPlay, oldest.getKey() + 1);
        }
    }

    /** The frame to play now: one per 20 ms tick; silence before the stream starts. Never null. */
    public short[] poll(long nowMillis) {
        if (!playing) {
            if (frames.isEmpty() || nowMillis < startAt) {
                return new short[samplesPerFrame];
            }
            playing = true;
            nextToPlay = frames.firstKey();
        }
        int target = targetDelayMs() / FRAME_MS;
        if (depthFrames() > target + 2 && frames.containsKey(nextToPlay)) {
            frames.remove(nextToPlay);
            nextToPlay++;
            stats.droppedToShrink++;
        }
        short[] frame = frames.remove(nextToPlay);
        if (frame != null) {
            nextToPlay++;
            stats.played++;
            lastPlayed = frame;
            concealedInARow = 0;
            return frame;
        }
        if (depthFrames() > target) {
            nextToPlay++;
        }
        stats.concealed++;
        return conceal();
    }

    private short[] conceal() {
        concealedInARow++;
        short[] out = new short[samplesPerFrame];
        if (lastPlayed == null || concealedInARow >= FADE_STEPS) {
            return out;
        }
        double gain = 1.0 - (double) concealedInARow / FADE_STEPS;
        for (int i = 0; i < out.length && i < lastPlayed.length; i++) {
            out[i] = (short) Math.round(lastPlayed[i] * gain);
        }
        return out;
    }

    private void updateJitter(long timestamp, long arrivalMillis) {
        double transitDifference = (arrivalMillis - lastArrival)
                - (double) (int) (timestamp - lastTimestamp) * FRAME_MS / samplesPerFrame;
        jitterMs += (Math.abs(transitDifference) - jitterMs) / 16;
    }

    private long extend(int sequence) {
        int seq = sequence & 0xFFFF;
        if (highest < 0) {
            return (1L << 16) + seq;
        }
        long candidate = (highest & ~0xFFFFL) | seq;
        long best = candidate;
        for (long option : new long[] {candidate - 0x10000, candidate + 0x10000}) {
            if (Math.abs(option - highest) < Math.abs(best - highest)) {
                best = option;
            }
        }
        return best;
    }

    private void reset(long newSsrc) {
        if (ssrc != -1) {
            stats.resets++;
        }
        ssrc = newSsrc;
        frames.clear();
        highest = -1;
        nextToPlay = -1;
        playing = false;
        fresh = true;
        jitterMs = 0;
    }
}
