package dev.lifeline.sim.testsupport;

import dev.lifeline.sim.media.Codec;
import dev.lifeline.sim.media.DtmfSender;
import dev.lifeline.sim.media.G711;
import dev.lifeline.sim.media.RtpPacket;
import dev.lifeline.sim.media.RtpSender;
import dev.lifeline.sim.media.ToneGenerator;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A test phone's media: an RTP socket that (once told where) sends a tone or silence every 20 ms, presses keys as RFC
 * 4733 telephone-events (payload type 101, as its SDP answer says), and keeps every sample it receives. Stop sending to
 * make the far end's media timeout fire.
 */
public final class RtpTestEndpoint implements AutoCloseable {

    private final DatagramSocket socket;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final RtpSender sender = new RtpSender();
    private final DtmfSender keys = new DtmfSender();
    private final ByteArrayOutputStream heard = new ByteArrayOutputStream();
    private final Thread receiver;
    private volatile InetSocketAddress remote;
    private volatile ToneGenerator tone;
    private volatile boolean sending = true;
    private volatile int packetsReceived;

    public RtpTestEndpoint() {
        try {
            socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
        receiver = new Thread(this::receive, "test-rtp-" + socket.getLocalPort());
        receiver.setDaemon(true);
        receiver.start();
        clock.scheduleAtFixedRate(this::send, 20, 20, TimeUnit.MILLISECONDS);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** An SDP answer from this endpoint: PCMU (and telephone-event), sendrecv. */
    public String answerSdp() {
        return "v=0\r\no=- 7 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port()
                + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\na=sendrecv\r\n";
    }

    public void sendTo(String host, int port) {
        remote = new InetSocketAddress(host, port);
    }

    public void tone(double frequency) {
        tone = new ToneGenerator(frequency, 0.3);
    }

    /** Presses {@code digits} on the keypad: telephone-events replace the audio while they last. */
    public void press(String digits) {
        synchronized (keys) {
            keys.add(digits);
        }
    }

    public void stopSending() {
        sending = false;
    }

    public int packetsReceived() {
        return packetsReceived;
    }

    public synchronized short[] heard() {
        byte[] bytes = heard.toByteArray();
        return G711.decode(Codec.PCMU, bytes, 0, bytes.length);
    }

    private void send() {
        InetSocketAddress to = remote;
        if (to == null || !sending) {
            return;
        }
        ToneGenerator source = tone;
        short[] frame = source == null ? new short[Codec.FRAME_SAMPLES] : source.nextFrame();
        RtpPacket key;
        synchronized (keys) {
            key = keys.next(sender, 101);
        }
        byte[] wire = (key != null ? key : sender.next(Codec.PCMU, frame)).encode();
        try {
            socket.send(new DatagramPacket(wire, wire.length, to));
        } catch (java.io.IOException e) {
            // the far end is gone; the test sees it elsewhere
        }
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            try {
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                socket.receive(datagram);
                RtpPacket packet = RtpPacket.parse(datagram.getData(), datagram.getLength());
                if (packet != null && packet.payloadType() == 0) {
                    synchronized (this) {
                        heard.write(packet.payload(), 0, packet.payload().length);
                    }
                    packetsReceived++;
                }
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        socket.close();
    }
}
