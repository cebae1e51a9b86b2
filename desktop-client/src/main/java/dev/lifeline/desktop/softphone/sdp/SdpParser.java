package dev.lifeline.desktop.softphone.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an SDP body (RFC 8866): {@code <type>=<value>} lines separated by CRLF or LF. Lenient where peers differ
 * (unknown lines and attributes are skipped, a missing {@code s=} is tolerated), strict where a wrong value would
 * send media astray: {@code v=0} first, a well-formed {@code o=}, {@code c=} and {@code m=}, numeric ports and
 * payload types. Anything else is an {@link SdpFormatException}; nothing else is thrown.
 */
public final class SdpParser {

    /** Larger descriptions are refused before parsing: one audio stream needs well under 2 KB. */
    public static final int MAX_BYTES = 16 * 1024;

    private SdpParser() {
    }

    public static SessionDescription parse(String text) throws SdpFormatException {
        if (text == null || text.isBlank()) {
            throw new SdpFormatException("empty session description");
        }
        if (text.length() > MAX_BYTES) {
            throw new SdpFormatException("session description longer than " + MAX_BYTES + " characters");
        }
        String[] lines = text.split("\r?\n");
        if (!lines[0].equals("v=0")) {
            throw new SdpFormatException("the description does not start with v=0");
        }
        Builder session = new Builder();
        MediaBuilder media = null;
        boolean originSeen = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new SdpFormatException("line " + (i + 1) + " is not <type>=<value>");
            }
            char type = line.charAt(0);
            String value = line.substring(2).trim();
            switch (type) {
                case 'o' -> {
                    session.origin(value);
                    originSeen = true;
                }
                case 's' -> session.sessionName = value;
                case 'c' -> {
                    String address = connectionAddress(value);
                    if (media == null) {
                        session.connectionAddress = address;
                    } else {
                        media.connectionAddress = address;
                    }
                }
                case 'm' -> {
                    media = new MediaBuilder(value);
                    session.media.add(media);
                }
                case 'a' -> {
                    if (media == null) {
                        Direction direction = Direction.fromAttribute(value);
                        if (direction != null) {
                            session.direction = direction;
                        }
                    } else {
                        media.attribute(value);
                    }
                }
                default -> {
                    // b=, t=, i=, u=, e=, p=, k=, r=, z=: nothing this softphone acts on.
                }
            }
        }
        if (!originSeen) {
            throw new SdpFormatException("no o= line");
        }
        return session.build();
    }

    private static String connectionAddress(String value) throws SdpFormatException {
        String[] parts = value.split(" +");
        if (parts.length != 3 || !parts[0].equals("IN") || !(parts[1].equals("IP4") || parts[1].equals("IP6"))) {
            throw new SdpFormatException("c= is not 'IN IP4|IP6 <address>'");
        }
        String address = parts[2];
        int slash = address.indexOf('/');
        address = slash >= 0 ? address.substring(0, slash) : address;
        if (address.isEmpty()) {
            throw new SdpFormatException("c= has no address");
        }
        return address;
    }

    private static int number(String text, String what, int max) throws SdpFormatException {
        try {
            int value = Integer.parseInt(text);
            if (value < 0 || value > max) {
                throw new SdpFormatException(what + " out of range: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SdpFormatException(what + " is not a number: " + text);
        }
    }

    private static final class Builder {
        String originUser;
        String sessionId;
        long version;
        String originAddress;
        String sessionName = "-";
        String connectionAddress;
        Direction direction;
        final List<MediaBuilder> media = new ArrayList<>();

        void origin(String value) throws SdpFormatException {
            String[] parts = value.split(" +");
            if (parts.length != 6) {
                throw new SdpFormatException("o= needs six fields");
            }
            originUser = parts[0];
            sessionId = parts[1];
            try {
                version = Long.parseUnsignedLong(parts[2]);
            } catch (NumberFormatException e) {
                throw new SdpFormatException("o= version is not a number: " + parts[2]);
            }
            originAddress = parts[5];
        }

        SessionDescription build() {
            List<MediaDescription> built = new ArrayList<>();
            for (MediaBuilder m : media) {
                built.add(m.build());
            }
            return new SessionDescription(originUser, sessionId, version, originAddress, sessionName,
                    connectionAddress, direction, built);
        }
    }

    private static final class MediaBuilder {
        final String type;
        final int port;
        final String protocol;
        final List<String> formats = new ArrayList<>();
        final Map<Integer, RtpMap> rtpMaps = new HashMap<>();
        final Map<Integer, String> fmtps = new HashMap<>();
        String connectionAddress;
        Direction direction;
        Integer ptime;

        MediaBuilder(String value) throws SdpFormatException {
            String[] parts = value.split(" +");
            if (parts.length < 4) {
                throw new SdpFormatException("m= needs a media type, a port, a protocol and formats");
            }
            type = parts[0];
            String portText = parts[1];
            int slash = portText.indexOf('/');
            port = number(slash >= 0 ? portText.substring(0, slash) : portText, "m= port", 65535);
            protocol = parts[2];
            for (int i = 3; i < parts.length; i++) {
                if (protocol.startsWith("RTP/")) {
                    number(parts[i], "payload type", 127);
                }
                formats.add(parts[i]);
            }
        }

        void attribute(String value) throws SdpFormatException {
            Direction asDirection = Direction.fromAttribute(value);
            if (asDirection != null) {
                direction = asDirection;
                return;
            }
            int colon = value.indexOf(':');
            if (colon < 0) {
                return;
            }
            String name = value.substring(0, colon);
            String rest = value.substring(colon + 1).trim();
            switch (name) {
                case "rtpmap" -> rtpMap(rest);
                case "fmtp" -> {
                    int space = rest.indexOf(' ');
                    if (space > 0) {
                        fmtps.put(number(rest.substring(0, space), "fmtp payload type", 127),
                                rest.substring(space + 1).trim());
                    }
                }
                case "ptime" -> ptime = number(rest, "ptime", 10_000);
                default -> {
                    // rtcp, ssrc, rtcp-mux, minptime…: not used by this softphone.
                }
            }
        }

        private void rtpMap(String rest) throws SdpFormatException {
            String[] parts = rest.split(" +");
            if (parts.length != 2) {
                throw new SdpFormatException("rtpmap is not '<pt> <encoding>/<rate>'");
            }
            int payloadType = number(parts[0], "rtpmap payload type", 127);
            String[] encoding = parts[1].split("/");
            if (encoding.length < 2 || encoding.length > 3 || encoding[0].isEmpty()) {
                throw new SdpFormatException("rtpmap encoding is not '<name>/<rate>[/<channels>]'");
            }
            int rate = number(encoding[1], "rtpmap clock rate", 1_000_000);
            int channels = encoding.length == 3 ? number(encoding[2], "rtpmap channels", 64) : 1;
            rtpMaps.put(payloadType, new RtpMap(encoding[0], rate, channels));
        }

        MediaDescription build() {
            return new MediaDescription(type, port, protocol, formats, rtpMaps, fmtps, connectionAddress, direction,
                    ptime);
        }
    }
}
