package dev.lifeline.sim.media;

/**
 * ITU-T G.711 µ-law (PCMU, RTP payload type 0) and A-law (PCMA, type 8) for 16-bit linear samples: the classic
 * segment/quantisation algorithm (the one in Sun's public g711.c), table-free. Pure; tested with byte vectors and
 * against the JDK's own converter.
 */
public final class G711 {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;
    private static final short[] SEGMENT_END = {0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF, 0x3FFF, 0x7FFF};

    private G711() {
    }

    public static byte linearToUlaw(int sample) {
        int pcm = Math.max(-32768, Math.min(32767, sample));
        int mask;
        if (pcm < 0) {
            pcm = -pcm;
            mask = 0x7F;
        } else {
            mask = 0xFF;
        }
        if (pcm > CLIP) {
            pcm = CLIP;
        }
        pcm += BIAS;
        int segment = segment(pcm);
        int value = (segment << 4) | ((pcm >> (segment + 3)) & 0x0F);
        return (byte) (value ^ mask);
    }

    public static short ulawToLinear(byte ulaw) {
        int u = ~ulaw & 0xFF;
        int t = ((u & 0x0F) << 3) + BIAS;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? BIAS - t : t - BIAS);
    }

    public static byte linearToAlaw(int sample) {
        int pcm = Math.max(-32768, Math.min(32767, sample)) >> 3;
        int mask;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int segment = segment(pcm, 0x1F);
        int value;
        if (segment >= 8) {
            value = 0x7F;
        } else {
            value = segment << 4;
            value |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
        }
        return (byte) (value ^ mask);
    }

    public static short alawToLinear(byte alaw) {
        int a = (alaw & 0xFF) ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        switch (segment) {
            case 0 -> t += 8;
            case 1 -> t += 0x108;
            default -> {
                t += 0x108;
                t <<= segment - 1;
            }
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    /** Encodes a frame of 16-bit samples with the codec. */
    public static byte[] encode(Codec codec, short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = codec == Codec.PCMU ? linearToUlaw(samples[i]) : linearToAlaw(samples[i]);
        }
        return out;
    }

    /** Decodes a payload of the codec into 16-bit samples. */
    public static short[] decode(Codec codec, byte[] payload, int offset, int length) {
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            byte b = payload[offset + i];
            out[i] = codec == Codec.PCMU ? ulawToLinear(b) : alawToLinear(b);
        }
        return out;
    }

    private static int segment(int biased) {
        for (int i = 0; i < SEGMENT_END.length; i++) {
            if (biased <= SEGMENT_END[i]) {
                return i;
            }
        }
        return SEGMENT_END.length;
    }

    private static int segment(int value, int firstEnd) {
        int end = firstEnd;
        for (int i = 0; i < 8; i++) {
            if (value <= end) {
                return i;
            }
            end = (end << 1) | 1;
        }
        return 8;
    }
}
