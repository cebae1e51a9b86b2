package dev.lifeline.desktop.softphone.sdp;

import java.util.List;

/**
 * A parsed SDP (RFC 8866) reduced to what one-stream audio offer/answer needs (RFC 3264).
 *
 * @param originUser        {@code o=} username ({@code -} when none)
 * @param sessionId         {@code o=} sess-id, kept as text (it may exceed a long)
 * @param version           {@code o=} sess-version, bumped on every new description of a session
 * @param originAddress     {@code o=} unicast address
 * @param connectionAddress the session-level {@code c=} address, or null
 * @param direction         the session-level direction, or null (sendrecv)
 */
public record SessionDescription(String originUser, String sessionId, long version, String originAddress,
                                 String sessionName, String connectionAddress, Direction direction,
                                 List<MediaDescription> media) {

    public SessionDescription {
        media = List.copyOf(media);
    }
}
