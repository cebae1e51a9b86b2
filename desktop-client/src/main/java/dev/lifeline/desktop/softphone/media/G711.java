package dev.lifeline.desktop.softphone.media;

/**
 * ITU-T G.711 µ-law (PCMU) and A-law (PCMA) for 16-bit linear PCM, the two codecs Twilio offers (sip.md §1.5).
 * The classic segment algorithms (as in the public-domain Sun {@code g711.c}); decoding goes through 256-entry
 * tables. Silence encodes to {@code 0xFF} (µ-law) and {@code 0xD5} (A-law).
 */
public final class G711 {

    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;
    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = computeUlawToLinear(i);
            ALAW_TO_LINEAR[i] = computeAlawToLinear(i);
        }
    }

    private G711() {
    }

    public static byte linearToUlaw(int pcm) {
        int sign = (pcm >> 8) & 0x80;
        int magnitude = sign != 0 ? -pcm : pcm;
        if (magnitude > ULAW_CLIP) {
            magnitude = ULAW_CLIP;
        }
        magnitude += ULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static short ulawToLinear(byte ulaw) {
        return ULAW_TO_LINEAR[ulaw & 0xFF];
    }

    public static byte linearToAlaw(int pcm) {
        int value = pcm >> 3;
        int mask;
        if (value >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            value = -value - 1;
        }
        int segment = 0;
        while (segment < 8 && value > (0x20 << segment) - 1) {
            segment++;
        }
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int alaw = segment << 4;
        alaw |= segment < 2 ? (value >> 1) & 0x0F : (value >> segment) & 0x0F;
        return (byte) (alaw ^ mask);
    }

    public static short alawToLinear(byte alaw) {
        return ALAW_TO_LINEAR[alaw & 0xFF];
    }

    private static short computeUlawToLinear(int code) {
        int u = ~code & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int sample = (((mantissa << 3) + ULAW_BIAS) << exponent) - ULAW_BIAS;
        return (short) (sign != 0 ? -sample : sample);
    }

    private static short computeAlawToLinear(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t += 0x108;
            t <<= segment - 1;
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }
}
