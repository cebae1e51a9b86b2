package dev.lifeline.sim.media;

import java.security.SecureRandom;

/**
 * The sending half of one RTP stream: random initial sequence, timestamp and SSRC (RFC 3550 §5.1), sequence +1 and
 * timestamp +160 per 20 ms frame. Pure apart from the random start; not thread-safe (one sender per leg thread).
 */
public final class RtpSender {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final long ssrc;
    private int sequence;
    private long timestamp;
    private boolean first = true;

    public RtpSender() {
        this(RANDOM.nextInt() & 0xFFFFFFFFL, RANDOM.nextInt(0x10000), RANDOM.nextInt() & 0xFFFFFFFFL);
    }

    public RtpSender(long ssrc, int firstSequence, long firstTimestamp) {
        this.ssrc = ssrc;
        this.sequence = firstSequence & 0xFFFF;
        this.timestamp = firstTimestamp & 0xFFFFFFFFL;
    }

    /** The next packet carrying {@code frame} (160 samples) encoded with {@code codec}. */
    public RtpPacket next(Codec codec, short[] frame) {
        RtpPacket packet = new RtpPacket(codec.payloadType(), first, sequence, timestamp, ssrc, G711.encode(codec, frame));
        first = false;
        sequence = (sequence + 1) & 0xFFFF;
        timestamp = (timestamp + frame.length) & 0xFFFFFFFFL;
        return packet;
    }

    /**
     * A telephone-event packet (RFC 4733): it carries {@code eventTimestamp}, the start of its event, and the next
     * sequence number; the stream's own timeline moves on 20 ms as for an audio frame.
     */
    public RtpPacket nextEvent(int payloadType, boolean marker, long eventTimestamp, byte[] payload) {
        RtpPacket packet = new RtpPacket(payloadType, marker, sequence, eventTimestamp & 0xFFFFFFFFL, ssrc, payload);
        first = false;
        sequence = (sequence + 1) & 0xFFFF;
        timestamp = (timestamp + Codec.FRAME_SAMPLES) & 0xFFFFFFFFL;
        return packet;
    }

    /** The timestamp the next packet of the stream's timeline carries. */
    public long timestamp() {
        return timestamp;
    }

    public long ssrc() {
        return ssrc;
    }
}
