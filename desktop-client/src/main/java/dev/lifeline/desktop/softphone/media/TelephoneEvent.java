package dev.lifeline.desktop.softphone.media;

/**
 * An RFC 4733 telephone-event payload (§2.3): event (8 bits), E (end), R, volume (6 bits, -dBm0), duration
 * (16 bits, in timestamp units since the event began). Events 0–9 are the digits, 10 {@code *}, 11 {@code #},
 * 12–15 {@code A}–{@code D}.
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    public static final int PAYLOAD_BYTES = 4;
    private static final String KEYS = "0123456789*#ABCD";

    public TelephoneEvent {
        if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("telephone-event out of range");
        }
    }

    /** Whether a keypad key has a DTMF event ({@code 0-9 * # A-D}, letters in either case). */
    public static boolean isKey(char key) {
        return KEYS.indexOf(Character.toUpperCase(key)) >= 0;
    }

    public static int eventFor(char key) {
        int event = KEYS.indexOf(Character.toUpperCase(key));
        if (event < 0) {
            throw new IllegalArgumentException("not a DTMF key: '" + key + "'");
        }
        return event;
    }

    /** The key of a DTMF event, or {@code '?'} for events beyond the keypad (e.g. flash, 16). */
    public char key() {
        return event < KEYS.length() ? KEYS.charAt(event) : '?';
    }

    public byte[] toBytes() {
        return new byte[] {(byte) event, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration};
    }

    public static TelephoneEvent parse(byte[] payload) throws RtpFormatException {
        if (payload.length < PAYLOAD_BYTES) {
            throw new RtpFormatException("telephone-event payload shorter than 4 bytes");
        }
        return new TelephoneEvent(payload[0] & 0xFF, (payload[1] & 0x80) != 0, payload[1] & 0x3F,
                ((payload[2] & 0xFF) << 8) | (payload[3] & 0xFF));
    }
}
