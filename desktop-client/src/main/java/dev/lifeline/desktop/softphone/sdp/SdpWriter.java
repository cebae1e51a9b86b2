package dev.lifeline.desktop.softphone.sdp;


/** Writes a {@link SessionDescription} as SDP text with CRLF line ends, in the RFC 8866 line order. */
public final class SdpWriter {

    private SdpWriter() {
    }

    public static String write(SessionDescription sdp) {
        StringBuilder out = new StringBuilder(256);
        line(out, "v=0");
        line(out, "o=" + sdp.originUser() + " " + sdp.sessionId() + " " + sdp.version() + " IN "
                + ipVersion(sdp.originAddress()) + " " + sdp.originAddress());
        line(out, "s=" + sdp.sessionName());
        if (sdp.connectionAddress() != null) {
            line(out, "c=IN " + ipVersion(sdp.connectionAddress()) + " " + sdp.connectionAddress());
        }
        line(out, "t=0 0");
        if (sdp.direction() != null) {
            line(out, "a=" + sdp.direction().attribute());
        }
        for (MediaDescription media : sdp.media()) {
            line(out, "m=" + media.type() + " " + media.port() + " " + media.protocol() + " "
                    + String.join(" ", media.formats()));
            if (media.connectionAddress() != null) {
                line(out, "c=IN " + ipVersion(media.connectionAddress()) + " " + media.connectionAddress());
            }
            for (String format : media.formats()) {
                Integer payloadType = payloadType(format);
                if (payloadType == null) {
                    continue;
                }
                RtpMap map = media.rtpMaps().get(payloadType);
                if (map != null) {
                    line(out, "a=rtpmap:" + payloadType + " " + map.format());
                }
                String fmtp = media.fmtps().get(payloadType);
                if (fmtp != null) {
                    line(out, "a=fmtp:" + payloadType + " " + fmtp);
                }
            }
            if (media.ptime() != null) {
                line(out, "a=ptime:" + media.ptime());
            }
            if (media.direction() != null) {
                line(out, "a=" + media.direction().attribute());
            }
        }
        return out.toString();
    }

    private static Integer payloadType(String format) {
        try {
            return Integer.valueOf(format);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String ipVersion(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append("\r\n");
    }
}
