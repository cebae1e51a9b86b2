package dev.lifeline.desktop.softphone.media;

/** The audio codecs this softphone speaks: G.711 in both laws, 8000 Hz mono, with their static RTP payload types. */
public enum Codec {
    PCMU(0, (byte) 0xFF),
    PCMA(8, (byte) 0xD5);

    /** 20 ms at 8000 Hz: one RTP packet, one payload byte per sample. */
    public static final int SAMPLES_PER_FRAME = 160;
    public static final int CLOCK_RATE = 8000;

    private final int payloadType;
    private final byte silence;

    Codec(int payloadType, byte silence) {
        this.payloadType = payloadType;
        this.silence = silence;
    }

    public int payloadType() {
        return payloadType;
    }

    /** The encoded byte of a zero sample (µ-law {@code 0xFF}, A-law {@code 0xD5}). */
    public byte silence() {
        return silence;
    }

    /** The codec whose SDP encoding name this is ({@code PCMU}, {@code pcma}…), or null. */
    public static Codec byEncodingName(String name) {
        for (Codec codec : values()) {
            if (codec.name().equalsIgnoreCase(name)) {
                return codec;
            }
        }
        return null;
    }

    public byte[] encode(short[] pcm) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = this == PCMU ? G711.linearToUlaw(pcm[i]) : G711.linearToAlaw(pcm[i]);
        }
        return out;
    }

    public short[] decode(byte[] payload) {
        short[] out = new short[payload.length];
        for (int i = 0; i < payload.length; i++) {
            out[i] = this == PCMU ? G711.ulawToLinear(payload[i]) : G711.alawToLinear(payload[i]);
        }
        return out;
    }
}
