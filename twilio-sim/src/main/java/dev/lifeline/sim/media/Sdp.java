package dev.lifeline.sim.media;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SDP offer/answer for one audio stream (RFC 3264, RFC 8866; sip.md §3.2). Parsing is strict about what it uses
 * (an audio {@code m=} line, a {@code c=} address) and ignores attributes it does not know. Pure: every refusal is
 * an {@link SdpException} with a message that says what is wrong.
 */
public final class Sdp {

    /** Bodies longer than this are refused before parsing (a SIP message is capped well below it anyway). */
    public static final int MAX_LENGTH = 16 * 1024;
    /** The payload type Twilio's offer gives telephone-event (sip.md §1.5). */
    public static final int TELEPHONE_EVENT = 101;

    private Sdp() {
    }

    public static SessionDescription parse(String body) {
        if (body == null || body.isBlank()) {
            throw new SdpException("SDP body is empty");
        }
        if (body.length() > MAX_LENGTH) {
            throw new SdpException("SDP body is longer than " + MAX_LENGTH + " characters");
        }
        String sessionAddress = null;
        String mediaAddress = null;
        long version = -1;
        boolean inAudio = false;
        boolean sawAudio = false;
        int port = -1;
        List<Integer> formats = new ArrayList<>();
        Map<Integer, String> rtpmap = new LinkedHashMap<>();
        String sessionDirection = "sendrecv";
        String mediaDirection = null;
        boolean sawVersion = false;
        for (String raw : body.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new SdpException("SDP line is not <type>=<value>: " + shorten(line));
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            switch (type) {
                case 'v' -> {
                    if (!value.equals("0")) {
                        throw new SdpException("SDP version must be 0, got " + shorten(value));
                    }
                    sawVersion = true;
                }
                case 'o' -> version = originVersion(value);
                case 'c' -> {
                    String address = connectionAddress(value);
                    if (inAudio) {
                        mediaAddress = address;
                    } else if (!sawAudio) {
                        sessionAddress = address;
                    }
                }
                case 'm' -> {
                    if (sawAudio) {
                        inAudio = false; // only the first audio stream is used; other m= lines are ignored
                        continue;
                    }
                    String[] parts = value.split(" +");
                    inAudio = parts[0].equals("audio");
                    if (inAudio) {
                        if (parts.length < 4) {
                            throw new SdpException("SDP m=audio line needs a port, a protocol and formats");
                        }
                        port = integer(parts[1].split("/")[0], 0, 65535, "m= port");
                        if (!parts[2].toUpperCase(Locale.ROOT).startsWith("RTP/")) {
                            throw new SdpException("SDP audio protocol must be RTP/AVP, got " + shorten(parts[2]));
                        }
                        for (int i = 3; i < parts.length; i++) {
                            formats.add(integer(parts[i], 0, 127, "m= format"));
                        }
                        sawAudio = true;
                    }
                }
                case 'a' -> {
                    String direction = direction(value);
                    if (direction != null) {
                        if (inAudio) {
                            mediaDirection = direction;
                        } else if (!sawAudio) {
                            sessionDirection = direction;
                        }
                    } else if (inAudio && value.startsWith("rtpmap:")) {
                        rtpmap(value.substring("rtpmap:".length()), rtpmap);
                    }
                }
                default -> {
                    // b=, t=, s=, k=, … carry nothing the emulator uses
                }
            }
        }
        if (!sawVersion) {
            throw new SdpException("SDP has no v= line");
        }
        if (!sawAudio) {
            throw new SdpException("SDP has no audio stream");
        }
        String address = mediaAddress != null ? mediaAddress : sessionAddress;
        if (address == null) {
            throw new SdpException("SDP has no c= connection address for the audio stream");
        }
        return new SessionDescription(address, port, List.copyOf(formats), Map.copyOf(rtpmap),
                mediaDirection != null ? mediaDirection : sessionDirection, Math.max(version, 0));
    }

    /** Twilio's offer: PCMU, PCMA (in that order), telephone-event 101, ptime 20 (sip.md §1.5, §3.2). */
    public static String offer(String address, int port, long sessionId, long version) {
        return lines(address, port, sessionId, version, List.of(0, 8, TELEPHONE_EVENT), "sendrecv");
    }

    /**
     * The answer to {@code offer}: its first G.711 format (and telephone-event if it offered it).
     *
     * @throws SdpException when the offer has no G.711 format (the caller answers 488)
     */
    public static String answer(SessionDescription offer, String address, int port, long sessionId, long version) {
        Codec codec = offer.firstG711();
        if (codec == null) {
            throw new SdpException("the offer has no PCMU or PCMA format");
        }
        List<Integer> formats = new ArrayList<>(List.of(codec.payloadType()));
        int event = offer.telephoneEvent();
        if (event >= 0) {
            formats.add(event);
        }
        String direction = switch (offer.direction()) {
            case "sendonly" -> "recvonly";
            case "recvonly" -> "sendonly";
            case "inactive" -> "inactive";
            default -> "sendrecv";
        };
        return lines(address, port, sessionId, version, formats, direction);
    }

    private static String lines(String address, int port, long sessionId, long version, List<Integer> formats,
                                String direction) {
        StringBuilder sdp = new StringBuilder();
        sdp.append("v=0\r\n");
        sdp.append("o=- ").append(sessionId).append(' ').append(version).append(" IN IP4 ").append(address).append("\r\n");
        sdp.append("s=-\r\n");
        sdp.append("c=IN IP4 ").append(address).append("\r\n");
        sdp.append("t=0 0\r\n");
        sdp.append("m=audio ").append(port).append(" RTP/AVP");
        formats.forEach(f -> sdp.append(' ').append(f));
        sdp.append("\r\n");
        for (int f : formats) {
            if (f == 0) {
                sdp.append("a=rtpmap:0 PCMU/8000\r\n");
            } else if (f == 8) {
                sdp.append("a=rtpmap:8 PCMA/8000\r\n");
            } else {
                sdp.append("a=rtpmap:").append(f).append(" telephone-event/8000\r\n");
                sdp.append("a=fmtp:").append(f).append(" 0-15\r\n");
            }
        }
        sdp.append("a=ptime:20\r\n");
        sdp.append("a=").append(direction).append("\r\n");
        return sdp.toString();
    }

    private static long originVersion(String value) {
        String[] parts = value.split(" +");
        if (parts.length < 6) {
            throw new SdpException("SDP o= line needs six fields");
        }
        try {
            return Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw new SdpException("SDP o= version is not a number: " + shorten(parts[2]));
        }
    }

    private static String connectionAddress(String value) {
        String[] parts = value.split(" +");
        if (parts.length < 3 || !parts[0].equals("IN")) {
            throw new SdpException("SDP c= line must be 'IN IP4 <address>'");
        }
        if (!parts[1].equals("IP4") && !parts[1].equals("IP6")) {
            throw new SdpException("SDP c= address type must be IP4 or IP6, got " + shorten(parts[1]));
        }
        String address = parts[2].split("/")[0];
        if (address.isEmpty() || address.length() > 255 || !address.matches("[0-9A-Za-z.:\\-]+")) {
            throw new SdpException("SDP c= address is not an address: " + shorten(address));
        }
        return address;
    }

    private static String direction(String attribute) {
        return switch (attribute) {
            case "sendrecv", "sendonly", "recvonly", "inactive" -> attribute;
            default -> null;
        };
    }

    private static void rtpmap(String value, Map<Integer, String> rtpmap) {
        String[] parts = value.split(" +", 2);
        if (parts.length < 2) {
            throw new SdpException("SDP rtpmap needs a payload type and an encoding");
        }
        int pt = integer(parts[0], 0, 127, "rtpmap payload type");
        String encoding = parts[1].split("/")[0].toUpperCase(Locale.ROOT);
        rtpmap.put(pt, encoding);
    }

    private static int integer(String text, int min, int max, String what) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new SdpException("SDP " + what + " must be " + min + "–" + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SdpException("SDP " + what + " is not a number: " + shorten(text));
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
