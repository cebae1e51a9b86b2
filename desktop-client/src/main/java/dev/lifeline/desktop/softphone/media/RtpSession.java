package dev.lifeline.desktop.softphone.media;

import dev.lifeline.desktop.softphone.audio.AudioLevel;
import dev.lifeline.desktop.softphone.audio.FrameSink;
import dev.lifeline.desktop.softphone.audio.FrameSource;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's audio over RTP: a UDP socket on an even port of the configured range, a receiver thread that feeds
 * the jitter buffer, and a {@link MediaClock} that every 20 ms sends one microphone frame (or a DTMF event
 * packet) and plays one frame from the jitter buffer. Sequence, timestamp and SSRC start random (RFC 3550 §5.1).
 * Datagrams that are not RTP, or carry a payload type not agreed, are dropped and counted.
 */
public final class RtpSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RtpSession.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_DATAGRAM = 2048;

    private final DatagramSocket socket;
    private final JitterBuffer jitter = new JitterBuffer(Codec.SAMPLES_PER_FRAME);
    private final DtmfReceiver dtmfReceiver = new DtmfReceiver();
    private final Queue<Character> digitsToSend = new ArrayDeque<>();
    private final long ssrc = RANDOM.nextInt() & 0xFFFFFFFFL;
    private final long timestampBase = RANDOM.nextInt() & 0xFFFFFFFFL;
    private int sequence = RANDOM.nextInt(0x10000);

    private volatile StreamSettings settings;
    private volatile boolean muted;
    private volatile double inputLevel = AudioLevel.SILENCE_DBFS;
    private volatile long dropped;
    private FrameSource microphone;
    private FrameSink speaker;
    private Consumer<Character> digitListener;
    private DtmfTone tone;
    private MediaClock clock;
    private Thread receiver;

    private RtpSession(DatagramSocket socket) {
        this.socket = socket;
    }

    /** Binds an even port of {@code ports} (RTP convention; RTCP would take the odd one above). */
    public static RtpSession open(InetAddress local, PortRange ports) throws IOException {
        int span = (ports.last() - ports.first()) / 2 + 1;
        int start = RANDOM.nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = ports.first() + (ports.first() % 2) + 2 * ((start + i) % span);
            if (port > ports.last()) {
                continue;
            }
            try {
                return new RtpSession(new DatagramSocket(new InetSocketAddress(local, port)));
            } catch (SocketException inUse) {
                // try the next one
            }
        }
        throw new IOException("no free RTP port in " + ports);
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public synchronized void start(StreamSettings initial, FrameSource microphone, FrameSink speaker,
                                   Consumer<Character> digits) {
        if (clock != null) {
            throw new IllegalStateException("already started");
        }
        this.settings = initial;
        this.microphone = microphone;
        this.speaker = speaker;
        this.digitListener = digits;
        receiver = new Thread(this::receive, "softphone-rtp-in-" + localPort());
        receiver.setDaemon(true);
        receiver.start();
        clock = new MediaClock("softphone-rtp-out-" + localPort(), this::tick);
        log.info("RTP {} ⇄ {} ({}, events {})", localPort(), initial.remote(), initial.codec(),
                initial.telephoneEventPayloadType());
    }

    /** A re-INVITE changed the stream (hold, resume, a new address). */
    public void update(StreamSettings changed) {
        this.settings = changed;
    }

    public StreamSettings settings() {
        return settings;
    }

    public void setMuted(boolean muted) {
        this.muted = muted;
    }

    public boolean isMuted() {
        return muted;
    }

    /** The microphone's loudness in the last 20 ms (even while muted, so the agent sees they are talking). */
    public double inputLevelDbfs() {
        return inputLevel;
    }

    /** Queues an RFC 4733 key press; false when the peer agreed no telephone-event. */
    public synchronized boolean sendDigit(char key) {
        if (settings == null || settings.telephoneEventPayloadType() < 0) {
            return false;
        }
        digitsToSend.add(key);
        return true;
    }

    public long droppedDatagrams() {
        return dropped;
    }

    /** A snapshot of the receiving side's counters. */
    public JitterBuffer.Stats received() {
        synchronized (jitter) {
            return jitter.stats().copy();
        }
    }

    private void tick(long index, long nowMillis) {
        StreamSettings now = settings;
        short[] frame = microphone.read();
        inputLevel = AudioLevel.dbfs(frame);
        long timestamp = (timestampBase + index * Codec.SAMPLES_PER_FRAME) & 0xFFFFFFFFL;
        if (now.sending()) {
            RtpPacket packet = nextPacket(now, frame, timestamp);
            send(packet, now.remote());
        }
        short[] heard;
        synchronized (jitter) {
            heard = jitter.poll(nowMillis);
        }
        speaker.write(now.playing() ? heard : new short[Codec.SAMPLES_PER_FRAME]);
    }

    private synchronized RtpPacket nextPacket(StreamSettings now, short[] frame, long timestamp) {
        if (tone == null && !digitsToSend.isEmpty()) {
            tone = new DtmfTone(digitsToSend.poll(), timestamp);
        }
        if (tone != null) {
            boolean first = tone.nextIsFirst();
            TelephoneEvent event = tone.next();
            RtpPacket packet = new RtpPacket(now.telephoneEventPayloadType(), first, sequence++,
                    tone.startTimestamp(), ssrc, event.toBytes());
            if (tone.finished()) {
                tone = null;
            }
            return packet;
        }
        byte[] payload;
        if (muted) {
            payload = new byte[Codec.SAMPLES_PER_FRAME];
            Arrays.fill(payload, now.codec().silence());
        } else {
            payload = now.codec().encode(frame);
        }
        return new RtpPacket(now.codec().payloadType(), false, sequence++, timestamp, ssrc, payload);
    }

    private void send(RtpPacket packet, InetSocketAddress to) {
        byte[] bytes = packet.toBytes();
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            if (!socket.isClosed()) {
                log.debug("RTP send to {} failed: {}", to, e.toString());
            }
        }
    }

    private void receive() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
                accept(RtpPacket.parse(buffer, datagram.getLength()), System.nanoTime() / 1_000_000);
            } catch (RtpFormatException e) {
                dropped++;
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.debug("RTP receive failed: {}", e.toString());
                }
            }
        }
    }

    private void accept(RtpPacket packet, long arrivalMillis) {
        StreamSettings now = settings;
        if (packet.payloadType() == now.codec().payloadType()) {
            short[] pcm = Arrays.copyOf(now.codec().decode(packet.payload()), Codec.SAMPLES_PER_FRAME);
            synchronized (jitter) {
                jitter.offer(packet.ssrc(), packet.sequence(), packet.timestamp(), pcm, arrivalMillis);
            }
        } else if (packet.payloadType() == now.telephoneEventPayloadType()) {
            dtmfReceiver.accept(packet).ifPresent(key -> {
                log.info("DTMF received: {}", key);
                digitListener.accept(key);
            });
        } else {
            dropped++;
        }
    }

    @Override
    public void close() {
        MediaClock stopping;
        synchronized (this) {
            stopping = clock;
            clock = null;
        }
        if (stopping != null) {
            stopping.close();
        }
        socket.close();
        if (microphone != null) {
            microphone.close();
        }
        if (speaker != null) {
            speaker.close();
        }
        JitterBuffer.Stats stats = received();
        log.info("RTP {} closed: {} frames received, {} played, {} concealed, {} late, {} duplicates, {} dropped",
                localPort(), stats.received, stats.played, stats.concealed, stats.late, stats.duplicates, dropped);
    }
}
