package dev.lifeline.sim.media;

import java.util.List;
import java.util.Map;

/**
 * The parts of an SDP body (RFC 8866) one audio call needs: where to send RTP, which payload types are offered in
 * which order, their rtpmap names, and the direction of the audio stream.
 *
 * @param address        the {@code c=} address (media level wins over session level)
 * @param port           the audio {@code m=} port; 0 = stream rejected
 * @param payloadTypes   the audio formats in preference order
 * @param rtpmap         payload type → encoding name, upper case ({@code PCMU}, {@code TELEPHONE-EVENT})
 * @param direction      {@code sendrecv}, {@code sendonly}, {@code recvonly} or {@code inactive}
 * @param sessionVersion the {@code o=} version
 */
public record SessionDescription(String address, int port, List<Integer> payloadTypes, Map<Integer, String> rtpmap,
                                 String direction, long sessionVersion) {

    /** The encoding name of a payload type: the rtpmap, else the static RFC 3551 name. */
    public String encoding(int payloadType) {
        String name = rtpmap.get(payloadType);
        if (name != null) {
            return name;
        }
        Codec codec = Codec.ofPayloadType(payloadType);
        return codec == null ? null : codec.name();
    }

    /** The first G.711 format in the list, or null when there is none. */
    public Codec firstG711() {
        for (int pt : payloadTypes) {
            String name = encoding(pt);
            if ("PCMU".equals(name) && pt == 0 || "PCMA".equals(name) && pt == 8) {
                return Codec.ofPayloadType(pt);
            }
        }
        return null;
    }

    /** The payload type of {@code telephone-event}, or -1. */
    public int telephoneEvent() {
        for (int pt : payloadTypes) {
            if ("TELEPHONE-EVENT".equals(rtpmap.get(pt))) {
                return pt;
            }
        }
        return -1;
    }
}
