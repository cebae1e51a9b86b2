package dev.lifeline.desktop.softphone.media;

import java.util.Arrays;

/**
 * One RTP packet (RFC 3550 §5.1): version 2, no CSRCs or extension when written; reading skips CSRCs, a header
 * extension and padding. Sequence is 16 bits, timestamp and SSRC 32 bits (kept in a long, unsigned).
 */
public record RtpPacket(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {

    public static final int HEADER_BYTES = 12;

    public RtpPacket {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        sequence &= 0xFFFF;
        timestamp &= 0xFFFFFFFFL;
        ssrc &= 0xFFFFFFFFL;
    }

    public byte[] toBytes() {
        byte[] out = new byte[HEADER_BYTES + payload.length];
        out[0] = (byte) 0x80;
        out[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        out[2] = (byte) (sequence >> 8);
        out[3] = (byte) sequence;
        putInt(out, 4, timestamp);
        putInt(out, 8, ssrc);
        System.arraycopy(payload, 0, out, HEADER_BYTES, payload.length);
        return out;
    }

    public static RtpPacket parse(byte[] data, int length) throws RtpFormatException {
        if (length < HEADER_BYTES || length > data.length) {
            throw new RtpFormatException("shorter than an RTP header: " + length + " bytes");
        }
        int first = data[0] & 0xFF;
        if (first >> 6 != 2) {
            throw new RtpFormatException("not RTP version 2");
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        int offset = HEADER_BYTES + 4 * csrcCount;
        if (extension) {
            if (offset + 4 > length) {
                throw new RtpFormatException("header extension cut short");
            }
            int words = ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
            offset += 4 + 4 * words;
        }
        int end = length;
        if (padding) {
            end -= data[length - 1] & 0xFF;
        }
        if (offset > end) {
            throw new RtpFormatException("header longer than the packet");
        }
        int second = data[1] & 0xFF;
        int sequence = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        return new RtpPacket(second & 0x7F, (second & 0x80) != 0, sequence, getInt(data, 4), getInt(data, 8),
                Arrays.copyOfRange(data, offset, end));
    }

    private static void putInt(byte[] out, int at, long value) {
        out[at] = (byte) (value >> 24);
        out[at + 1] = (byte) (value >> 16);
        out[at + 2] = (byte) (value >> 8);
        out[at + 3] = (byte) value;
    }

    private static long getInt(byte[] in, int at) {
        return ((long) (in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8)
                | (in[at + 3] & 0xFF);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RtpPacket that && payloadType == that.payloadType && marker == that.marker
                && sequence == that.sequence && timestamp == that.timestamp && ssrc == that.ssrc
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(ssrc) + sequence;
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + (marker ? ", M" : "") + ", seq=" + sequence + ", ts=" + timestamp
                + ", ssrc=" + Long.toHexString(ssrc) + ", " + payload.length + " bytes]";
    }
}
