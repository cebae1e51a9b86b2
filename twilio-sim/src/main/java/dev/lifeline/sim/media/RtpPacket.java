package dev.lifeline.sim.media;

import java.util.Arrays;

/**
 * One RTP packet (RFC 3550 §5.1): the 12-byte fixed header, CSRCs and an extension skipped, padding removed.
 * Pure: {@link #parse} refuses what is not RTP version 2 by returning null; {@link #encode} writes one.
 */
public record RtpPacket(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] payload) {

    public static final int HEADER_BYTES = 12;

    /** @return the packet, or null when the bytes are not a well-formed RTP v2 packet */
    public static RtpPacket parse(byte[] data, int length) {
        if (data == null || length < HEADER_BYTES || length > data.length) {
            return null;
        }
        int first = data[0] & 0xFF;
        if (first >> 6 != 2) {
            return null;
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        int second = data[1] & 0xFF;
        int offset = HEADER_BYTES + 4 * csrcCount;
        if (extension) {
            if (offset + 4 > length) {
                return null;
            }
            int words = ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
            offset += 4 + 4 * words;
        }
        int end = length;
        if (padding) {
            int pad = data[length - 1] & 0xFF;
            if (pad == 0) {
                return null;
            }
            end -= pad;
        }
        if (offset > end) {
            return null;
        }
        int sequence = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        long timestamp = readUnsigned32(data, 4);
        long ssrc = readUnsigned32(data, 8);
        return new RtpPacket(second & 0x7F, (second & 0x80) != 0, sequence, timestamp, ssrc,
                Arrays.copyOfRange(data, offset, end));
    }

    public byte[] encode() {
        byte[] out = new byte[HEADER_BYTES + payload.length];
        out[0] = (byte) 0x80;
        out[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        out[2] = (byte) (sequence >> 8);
        out[3] = (byte) sequence;
        writeUnsigned32(out, 4, timestamp);
        writeUnsigned32(out, 8, ssrc);
        System.arraycopy(payload, 0, out, HEADER_BYTES, payload.length);
        return out;
    }

    private static long readUnsigned32(byte[] data, int at) {
        return ((long) (data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8)
                | (data[at + 3] & 0xFF);
    }

    private static void writeUnsigned32(byte[] out, int at, long value) {
        out[at] = (byte) (value >> 24);
        out[at + 1] = (byte) (value >> 16);
        out[at + 2] = (byte) (value >> 8);
        out[at + 3] = (byte) value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RtpPacket p && p.payloadType == payloadType && p.marker == marker
                && p.sequence == sequence && p.timestamp == timestamp && p.ssrc == ssrc
                && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + sequence;
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + " seq=" + sequence + " ts=" + timestamp + " ssrc=" + ssrc
                + " bytes=" + payload.length + "]";
    }
}
