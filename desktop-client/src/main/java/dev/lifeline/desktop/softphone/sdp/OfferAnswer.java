package dev.lifeline.desktop.softphone.sdp;

import dev.lifeline.desktop.softphone.media.Codec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 3264 offer/answer for one audio stream of G.711 with RFC 4733 events. Answers keep the offer's m-lines in
 * number and order; the first audio m-line with a G.711 format is accepted with the first G.711 format the peer
 * listed (Twilio offers PCMU then PCMA, sip.md §1.5) and telephone-event when offered; other m-lines get port 0.
 * Hold: the peer's {@code sendonly}/{@code inactive} (or the old {@code c=0.0.0.0}) is mirrored, and this side
 * holding turns its own receiving off ({@code sendonly} offered, {@code recvonly} answered as {@code inactive}).
 */
public final class OfferAnswer {

    public static final String TELEPHONE_EVENT = "telephone-event";
    /** The dynamic payload type this softphone offers for telephone-event (what most peers use). */
    public static final int OFFERED_EVENT_PAYLOAD_TYPE = 101;
    private static final String AUDIO = "audio";
    private static final String HOLD_ADDRESS = "0.0.0.0";

    private OfferAnswer() {
    }

    /** This side's address for media and the description's identity ({@code o=} session id). */
    public record LocalMedia(String address, int port, String sessionId) {
    }

    public record Answered(SessionDescription answer, MediaPlan plan) {
    }

    /** An offer of PCMU, PCMA and telephone-event; {@code holding} offers {@code sendonly}. */
    public static SessionDescription offer(LocalMedia local, long version, boolean holding) {
        Map<Integer, RtpMap> maps = new HashMap<>();
        maps.put(Codec.PCMU.payloadType(), new RtpMap("PCMU", Codec.CLOCK_RATE, 1));
        maps.put(Codec.PCMA.payloadType(), new RtpMap("PCMA", Codec.CLOCK_RATE, 1));
        maps.put(OFFERED_EVENT_PAYLOAD_TYPE, new RtpMap(TELEPHONE_EVENT, Codec.CLOCK_RATE, 1));
        MediaDescription audio = new MediaDescription(AUDIO, local.port(), "RTP/AVP",
                List.of("0", "8", String.valueOf(OFFERED_EVENT_PAYLOAD_TYPE)), maps,
                Map.of(OFFERED_EVENT_PAYLOAD_TYPE, "0-15"), null,
                holding ? Direction.SENDONLY : Direction.SENDRECV, 20);
        return description(local, version, audio, List.of());
    }

    public static Answered answer(SessionDescription offer, LocalMedia local, long version, boolean holding)
            throws SdpNotAcceptableException {
        List<MediaDescription> answers = new ArrayList<>();
        MediaPlan plan = null;
        for (MediaDescription media : offer.media()) {
            Chosen chosen = plan == null ? choose(media) : null;
            String remoteAddress = media.connectionAddress() != null ? media.connectionAddress()
                    : offer.connectionAddress();
            if (chosen == null || remoteAddress == null) {
                answers.add(rejected(media));
                continue;
            }
            Direction theirs = directionOf(media, offer);
            if (HOLD_ADDRESS.equals(remoteAddress)) {
                theirs = Direction.of(theirs.sends(), false);
            }
            Direction ours = theirs.mirrored();
            if (holding) {
                ours = Direction.of(ours.sends(), false);
            }
            plan = new MediaPlan(chosen.codec, chosen.eventPayloadType, remoteAddress, media.port(), ours);
            answers.add(accepted(local.port(), chosen, ours));
        }
        if (plan == null) {
            throw new SdpNotAcceptableException("the offer has no audio stream in PCMU or PCMA");
        }
        return new Answered(description(local, version, null, answers), plan);
    }

    /** Reads the peer's answer to an {@link #offer} this side made. */
    public static MediaPlan accept(SessionDescription answer) throws SdpNotAcceptableException {
        for (MediaDescription media : answer.media()) {
            Chosen chosen = choose(media);
            String remoteAddress = media.connectionAddress() != null ? media.connectionAddress()
                    : answer.connectionAddress();
            if (chosen != null && remoteAddress != null) {
                Direction theirs = directionOf(media, answer);
                if (HOLD_ADDRESS.equals(remoteAddress)) {
                    theirs = Direction.of(theirs.sends(), false);
                }
                return new MediaPlan(chosen.codec, chosen.eventPayloadType, remoteAddress, media.port(),
                        theirs.mirrored());
            }
        }
        throw new SdpNotAcceptableException("the answer accepted no audio stream in PCMU or PCMA");
    }

    private record Chosen(Codec codec, int payloadType, int eventPayloadType) {
    }

    private static Chosen choose(MediaDescription media) {
        if (!AUDIO.equals(media.type()) || media.port() == 0 || !media.protocol().startsWith("RTP/AVP")) {
            return null;
        }
        Codec codec = null;
        int payloadType = -1;
        int eventPayloadType = -1;
        for (String format : media.formats()) {
            int pt;
            try {
                pt = Integer.parseInt(format);
            } catch (NumberFormatException e) {
                continue;
            }
            RtpMap map = media.rtpMaps().get(pt);
            if (codec == null) {
                Codec candidate = codecOf(pt, map);
                if (candidate != null) {
                    codec = candidate;
                    payloadType = pt;
                }
            }
            if (eventPayloadType < 0 && map != null && TELEPHONE_EVENT.equalsIgnoreCase(map.encoding())
                    && map.clockRate() == Codec.CLOCK_RATE) {
                eventPayloadType = pt;
            }
        }
        return codec == null ? null : new Chosen(codec, payloadType, eventPayloadType);
    }

    private static Codec codecOf(int payloadType, RtpMap map) {
        if (map == null) {
            // Static payload types need no rtpmap (RFC 3551 table 4).
            for (Codec codec : Codec.values()) {
                if (codec.payloadType() == payloadType) {
                    return codec;
                }
            }
            return null;
        }
        Codec codec = Codec.byEncodingName(map.encoding());
        return codec != null && map.clockRate() == Codec.CLOCK_RATE && map.channels() == 1 ? codec : null;
    }

    private static Direction directionOf(MediaDescription media, SessionDescription sdp) {
        if (media.direction() != null) {
            return media.direction();
        }
        return sdp.direction() != null ? sdp.direction() : Direction.SENDRECV;
    }

    private static MediaDescription accepted(int port, Chosen chosen, Direction ours) {
        List<String> formats = new ArrayList<>();
        Map<Integer, RtpMap> maps = new HashMap<>();
        Map<Integer, String> fmtps = new HashMap<>();
        formats.add(String.valueOf(chosen.payloadType));
        maps.put(chosen.payloadType, new RtpMap(chosen.codec.name(), Codec.CLOCK_RATE, 1));
        if (chosen.eventPayloadType >= 0) {
            formats.add(String.valueOf(chosen.eventPayloadType));
            maps.put(chosen.eventPayloadType, new RtpMap(TELEPHONE_EVENT, Codec.CLOCK_RATE, 1));
            fmtps.put(chosen.eventPayloadType, "0-15");
        }
        return new MediaDescription(AUDIO, port, "RTP/AVP", formats, maps, fmtps, null, ours, 20);
    }

    private static MediaDescription rejected(MediaDescription offered) {
        List<String> formats = offered.formats().isEmpty() ? List.of("0") : List.of(offered.formats().get(0));
        return new MediaDescription(offered.type(), 0, offered.protocol(), formats, Map.of(), Map.of(), null, null,
                null);
    }

    private static SessionDescription description(LocalMedia local, long version, MediaDescription single,
                                                  List<MediaDescription> many) {
        List<MediaDescription> media = single != null ? List.of(single) : many;
        return new SessionDescription("-", local.sessionId(), version, local.address(), "Lifeline",
                local.address(), null, media);
    }
}
