package dev.lifeline.desktop.softphone.sdp;

import java.util.List;
import java.util.Map;

/**
 * One {@code m=} section with the attributes this softphone reads: formats (payload types) in the sender's order
 * of preference, their {@code rtpmap}s and {@code fmtp}s, the section's own {@code c=} address (or null), its
 * direction (or null: the session's applies) and {@code ptime} (or null).
 */
public record MediaDescription(String type, int port, String protocol, List<String> formats,
                               Map<Integer, RtpMap> rtpMaps, Map<Integer, String> fmtps, String connectionAddress,
                               Direction direction, Integer ptime) {

    public MediaDescription {
        formats = List.copyOf(formats);
        rtpMaps = Map.copyOf(rtpMaps);
        fmtps = Map.copyOf(fmtps);
    }
}
