package dev.lifeline.sim.media;

/**
 * Turns one stream's telephone-event packets into key presses: every packet of an event (its updates and the three
 * end packets, RFC 4733 §2.5.1.4) carries the event's start timestamp, so a key is reported once, on the first packet
 * seen with a new timestamp, even if the first packets were lost. {@code A}-{@code D} and non-key events are dropped
 * (a {@code <Gather>} takes only {@code 0-9 * #}). Pure; the media thread owns it.
 */
public final class DtmfReceiver {

    private long lastSsrc = -1;
    private long lastTimestamp = -1;

    /** @return the key this packet starts, or null (a later packet of the same event, or not a key) */
    public Character accept(RtpPacket packet) {
        TelephoneEvent event = TelephoneEvent.parse(packet.payload());
        if (event == null) {
            return null;
        }
        if (packet.ssrc() == lastSsrc && packet.timestamp() == lastTimestamp) {
            return null;
        }
        lastSsrc = packet.ssrc();
        lastTimestamp = packet.timestamp();
        Character key = event.key();
        return key == null || key >= 'A' && key <= 'D' ? null : key;
    }
}
