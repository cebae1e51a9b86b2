package dev.lifeline.sim.media;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

/**
 * The far end of a leg the emulator plays itself (a customer calling in, an external number): a real RTP socket that
 * sends its source (silence, a tone or a WAV) every 20 ms to the leg and records what it hears. Touched by the media
 * thread, except the {@link Recording}, which is thread-safe.
 */
final class SimulatedPhone {

    final DatagramChannel channel;
    final RtpSender sender = new RtpSender();
    final JitterBuffer jitter = new JitterBuffer(2);
    final Recording heard;
    InetSocketAddress leg;
    FrameSource source;
    /** Keys the far end is pressing, sent as telephone-events instead of audio while they last. */
    final DtmfSender keys = new DtmfSender();

    SimulatedPhone(DatagramChannel channel, Recording heard) {
        this.channel = channel;
        this.heard = heard;
    }

    short[] nextFrame() {
        short[] frame = source == null ? null : source.nextFrame();
        return frame == null ? new short[Codec.FRAME_SAMPLES] : frame;
    }
}
