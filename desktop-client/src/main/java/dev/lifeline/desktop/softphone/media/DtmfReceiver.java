package dev.lifeline.desktop.softphone.media;

import java.util.Optional;

/**
 * Turns received telephone-event packets into key presses: one key per event, however many packets (updates,
 * the end packet three times) carry it. An event is identified by its RTP timestamp (RFC 4733 §2.5.2); a key is
 * reported at the first packet seen of it, so a lost start packet does not lose the key.
 */
public final class DtmfReceiver {

    private long lastTimestamp = -1;
    private long lastSsrc = -1;

    public Optional<Character> accept(RtpPacket packet) {
        TelephoneEvent event;
        try {
            event = TelephoneEvent.parse(packet.payload());
        } catch (RtpFormatException e) {
            return Optional.empty();
        }
        if (packet.timestamp() == lastTimestamp && packet.ssrc() == lastSsrc) {
            return Optional.empty();
        }
        lastTimestamp = packet.timestamp();
        lastSsrc = packet.ssrc();
        return Optional.of(event.key());
    }
}
