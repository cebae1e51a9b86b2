package dev.lifeline.sim.media;

/** The G.711 laws Twilio offers, in its order (sip.md §1.5), with their static RTP payload types (RFC 3551). */
public enum Codec {
    PCMU(0, (byte) 0xFF),
    PCMA(8, (byte) 0xD5);

    /** 8000 Hz, 20 ms: 160 samples, 160 payload bytes per RTP packet. */
    public static final int SAMPLE_RATE = 8000;
    public static final int FRAME_SAMPLES = 160;

    private final int payloadType;
    private final byte silence;

    Codec(int payloadType, byte silence) {
        this.payloadType = payloadType;
        this.silence = silence;
    }

    public int payloadType() {
        return payloadType;
    }

    /** The byte a silent sample encodes to. */
    public byte silence() {
        return silence;
    }

    public static Codec ofPayloadType(int payloadType) {
        for (Codec codec : values()) {
            if (codec.payloadType == payloadType) {
                return codec;
            }
        }
        return null;
    }
}
