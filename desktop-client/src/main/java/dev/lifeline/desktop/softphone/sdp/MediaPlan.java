package dev.lifeline.desktop.softphone.sdp;

import dev.lifeline.desktop.softphone.media.Codec;

/**
 * What offer/answer agreed for the call's audio, from this softphone's side.
 *
 * @param telephoneEventPayloadType the RFC 4733 payload type both sides use, or -1 when the peer offered none
 * @param direction                 whether this side sends ({@link Direction#sends()}) and plays what it receives
 */
public record MediaPlan(Codec codec, int telephoneEventPayloadType, String remoteAddress, int remotePort,
                        Direction direction) {

    public boolean hasTelephoneEvents() {
        return telephoneEventPayloadType >= 0;
    }
}
