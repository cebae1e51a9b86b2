package dev.lifeline.sim.media;

/**
 * One RFC 4733 telephone-event (§2.3): the event code, the end bit, the volume (0 to -63 dBm0, as a positive number)
 * and the duration so far in timestamp units. Events 0-9 are the digits, 10 {@code *}, 11 {@code #}, 12-15 {@code A}
 * to {@code D} (§3.2). Pure: {@link #parse} returns null for a payload that is not one.
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    public static final int PAYLOAD_BYTES = 4;
    private static final String KEYS = "0123456789*#ABCD";

    public TelephoneEvent {
        if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("not a telephone-event: " + event + "/" + volume + "/" + duration);
        }
    }

    /** The first event block of a telephone-event payload, or null when it is shorter than one block. */
    public static TelephoneEvent parse(byte[] payload) {
        if (payload == null || payload.length < PAYLOAD_BYTES) {
            return null;
        }
        int flags = payload[1] & 0xFF;
        return new TelephoneEvent(payload[0] & 0xFF, (flags & 0x80) != 0, flags & 0x3F,
                ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF));
    }

    public byte[] encode() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }

    /** The key for event codes 0-15, or null for other events (flash, tones). */
    public Character key() {
        return event < KEYS.length() ? KEYS.charAt(event) : null;
    }

    /** The event code of a key {@code 0-9 * # A-D}. */
    public static int codeOf(char key) {
        int code = KEYS.indexOf(Character.toUpperCase(key));
        if (code < 0) {
            throw new IllegalArgumentException("not a DTMF key: " + key);
        }
        return code;
    }
}
