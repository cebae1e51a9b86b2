package dev.lifeline.sim.media;

import dev.lifeline.sim.voice.LegAudio;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

/**
 * One leg's RTP endpoint inside the emulator: its socket, what it receives (through a jitter buffer) and what it
 * sends. Touched only by the media thread.
 */
final class MediaLeg {

    final String callSid;
    final DatagramChannel channel;
    final JitterBuffer jitter = new JitterBuffer(2);
    final RtpSender sender = new RtpSender();
    InetSocketAddress remote;
    Codec codec = Codec.PCMU;
    LegAudio audio = new LegAudio(null, false, false, null, 0, false, false);
    /** The current {@code <Play>} clip and its URL; null when none. */
    FrameSource play;
    String playUrl;
    ClipSource hold = new ClipSource(BuiltInAudio.holdMusic(), 0);
    /** The announcement playing to it (once), or null; and how many it has been given, so each is played once. */
    FrameSource announce;
    int announcements;
    /** The payload type the far end sends telephone-events with (the SDP's, 101 unless it says otherwise). */
    int eventPayloadType = Sdp.TELEPHONE_EVENT;
    final DtmfReceiver dtmf = new DtmfReceiver();
    /** Whether a media timeout applies (SIP legs, once answered). */
    boolean watched;
    long lastReceivedNanos;
    boolean timedOut;
    SimulatedPhone phone;
    /** This tick's incoming frame and outgoing frame. */
    short[] in;
    short[] out;

    MediaLeg(String callSid, DatagramChannel channel) {
        this.callSid = callSid;
        this.channel = channel;
    }

    int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
