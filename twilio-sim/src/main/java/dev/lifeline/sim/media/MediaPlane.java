package dev.lifeline.sim.media;

import dev.lifeline.sim.voice.CallAudio;
import dev.lifeline.sim.voice.LegAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every leg's RTP, on one thread: it reads every socket, and every 20 ms (a real-time tick: media is real time, unlike
 * the call logic on the SimClock) mixes each conference ({@link ConferenceMix}), plays {@code <Play>} clips and hold
 * music, sends one G.711 frame per leg, drives the simulated far ends, and drops SIP legs whose RTP has stopped for the
 * media timeout. Other threads only post commands, so no lock is ever held while mixing.
 */
public final class MediaPlane implements CallAudio, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaPlane.class);
    private static final long TICK_NANOS = 20_000_000L;
    private static final int KEPT_RECORDINGS = 100;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final String host;
    private final int rtpMin;
    private final int rtpMax;
    private final long mediaTimeoutNanos;
    private final Selector selector;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final Map<String, MediaLeg> legs = new LinkedHashMap<>();
    private final Map<String, FrameSource> farEndSources = new ConcurrentHashMap<>();
    /** Recordings of the last {@value #KEPT_RECORDINGS} simulated parties; older ones go, so a long demo stays small. */
    private final Map<String, Recording> recordings = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Recording> eldest) {
                    return size() > KEPT_RECORDINGS;
                }
            });
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final ClipLoader clips = new ClipLoader();
    /** Tells the call logic what the media heard (a timeout, a key), in order, off the media thread. */
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(daemon("twilio-sim-media-callbacks"));
    private final ByteBuffer receive = ByteBuffer.allocate(2048);
    private final TickStats stats = new TickStats();
    private final Thread thread;
    private volatile Consumer<String> onMediaTimeout = callSid -> { };
    private volatile java.util.function.BiConsumer<String, Character> onDigit = (callSid, key) -> { };
    private volatile boolean running = true;
    private int nextPort;

    public MediaPlane(String host, int rtpMin, int rtpMax, Duration mediaTimeout) {
        this.host = host;
        this.rtpMin = rtpMin;
        this.rtpMax = rtpMax;
        this.nextPort = rtpMin;
        this.mediaTimeoutNanos = mediaTimeout.toNanos();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = daemon("twilio-sim-media").newThread(this::run);
        thread.start();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Who to tell when a watched leg's RTP stopped for the media timeout. */
    public void onMediaTimeout(Consumer<String> listener) {
        this.onMediaTimeout = listener;
    }

    /** Who to tell when a leg's far end pressed a key (an RFC 4733 telephone-event arrived). */
    public void onDigit(java.util.function.BiConsumer<String, Character> listener) {
        this.onDigit = listener;
    }

    public String host() {
        return host;
    }

    // --- legs the SIP user agent places ------------------------------------------------------------------------------

    /** Opens the leg's RTP socket and returns its port (for the SDP offer). */
    public int openLeg(String callSid) {
        DatagramChannel channel = bind();
        MediaLeg leg = new MediaLeg(callSid, channel);
        ports.put(callSid, leg.port());
        post(() -> {
            MediaLeg previous = legs.put(callSid, leg);
            if (previous != null) {
                closeQuietly(previous);
            }
            register(channel, leg);
        });
        return leg.port();
    }

    /** The leg's local RTP port, or 0 when it has none. */
    public int localPort(String callSid) {
        return ports.getOrDefault(callSid, 0);
    }

    /**
     * Starts sending to the far end the SDP answer named; {@code watched} legs are dropped after the media timeout.
     *
     * @param eventPayloadType the far end's telephone-event payload type, or -1 when its SDP named none (101 is assumed)
     */
    public void connect(String callSid, InetSocketAddress remote, Codec codec, boolean watched, int eventPayloadType) {
        post(() -> {
            MediaLeg leg = legs.get(callSid);
            if (leg != null) {
                leg.remote = remote;
                leg.codec = codec;
                leg.watched = watched;
                leg.eventPayloadType = eventPayloadType < 0 ? Sdp.TELEPHONE_EVENT : eventPayloadType;
                leg.lastReceivedNanos = System.nanoTime();
            }
        });
    }

    /** Stops the leg's media and frees its socket. */
    public void close(String callSid) {
        ports.remove(callSid);
        post(() -> {
            MediaLeg leg = legs.remove(callSid);
            if (leg != null) {
                closeQuietly(leg);
            }
        });
    }

    // --- CallAudio -------------------------------------------------------------------------------------------------

    @Override
    public void update(String callSid, LegAudio audio) {
        if (audio.simulatedFarEnd()) {
            recordings.computeIfAbsent(callSid, k -> new Recording()); // there from the moment the call is up
        }
        post(() -> {
            MediaLeg leg = legs.get(callSid);
            if (leg == null && audio.simulatedFarEnd()) {
                leg = simulatedLeg(callSid);
            }
            if (leg == null) {
                return; // a leg with no RTP endpoint (media arrived before the SIP answer, or the leg is gone)
            }
            leg.audio = audio;
            if (audio.announceUrl() != null && audio.announcements() != leg.announcements) {
                leg.announcements = audio.announcements();
                int number = audio.announcements();
                clips.load(audio.announceUrl()).thenAccept(samples -> post(() -> {
                    MediaLeg current = legs.get(callSid);
                    if (current != null && current.announcements == number) {
                        current.announce = new ClipSource(samples, 1);
                    }
                }));
            }
            if (audio.playUrl() == null) {
                leg.play = null;
                leg.playUrl = null;
            } else if (!audio.playUrl().equals(leg.playUrl)) {
                leg.playUrl = audio.playUrl();
                leg.play = null;
                String url = audio.playUrl();
                int loops = audio.playLoops();
                clips.load(url).thenAccept(samples -> post(() -> {
                    MediaLeg current = legs.get(callSid);
                    if (current != null && url.equals(current.playUrl)) {
                        current.play = new ClipSource(samples, loops);
                    }
                }));
            }
        });
    }

    @Override
    public void ended(String callSid) {
        close(callSid);
    }

    // --- simulated far ends -----------------------------------------------------------------------------------------

    /** What the simulated far end of the call sends from now on (a tone, a WAV clip); silence by default. */
    public void farEndSends(String callSid, FrameSource source) {
        farEndSources.put(callSid, source);
        post(() -> {
            MediaLeg leg = legs.get(callSid);
            if (leg != null && leg.phone != null) {
                leg.phone.source = source;
            }
        });
    }

    /** The simulated far end of the call presses {@code keys}, sent over its RTP as RFC 4733 telephone-events. */
    public void farEndPresses(String callSid, String keys) {
        DtmfSender check = new DtmfSender();
        check.add(keys); // refuses a bad key on the caller's thread
        post(() -> {
            MediaLeg leg = legs.get(callSid);
            if (leg != null && leg.phone != null) {
                leg.phone.keys.add(keys);
            }
        });
    }

    /** The simulated far end sends the WAV at {@code url}, looped (silence if it cannot be played; see {@link ClipLoader}). */
    public void farEndPlays(String callSid, String url) {
        clips.load(url).thenAccept(samples -> farEndSends(callSid, new ClipSource(samples, 0)));
    }

    /** What the simulated far end of the call has heard, or null when the call never had one. */
    public Recording farEndHeard(String callSid) {
        return recordings.get(callSid);
    }

    private MediaLeg simulatedLeg(String callSid) {
        DatagramChannel legChannel = bind();
        DatagramChannel phoneChannel = bind();
        MediaLeg leg = new MediaLeg(callSid, legChannel);
        SimulatedPhone phone = new SimulatedPhone(phoneChannel, recordings.computeIfAbsent(callSid, k -> new Recording()));
        phone.source = farEndSources.get(callSid);
        phone.leg = new InetSocketAddress(host, leg.port());
        leg.phone = phone;
        leg.remote = new InetSocketAddress(host, port(phoneChannel));
        leg.codec = Codec.PCMU;
        legs.put(callSid, leg);
        register(legChannel, leg);
        register(phoneChannel, phone);
        return leg;
    }

    // --- the media thread -------------------------------------------------------------------------------------------

    private void post(Runnable command) {
        commands.add(command);
        selector.wakeup();
    }

    private void run() {
        long next = System.nanoTime() + TICK_NANOS;
        while (running) {
            try {
                long wait = next - System.nanoTime();
                if (wait > 1_000_000) {
                    selector.select(wait / 1_000_000);
                } else {
                    selector.selectNow();
                }
                readReady();
                Runnable command;
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                long now = System.nanoTime();
                if (now >= next) {
                    long cpuBefore = CPU.getCurrentThreadCpuTime();
                    tick(now);
                    stats.cpu(CPU.getCurrentThreadCpuTime() - cpuBefore);
                    stats.ticked(now - next, System.nanoTime() - now);
                    next += TICK_NANOS;
                    if (now - next > 5 * TICK_NANOS) {
                        stats.skipped((now - next) / TICK_NANOS);
                        next = now + TICK_NANOS; // far behind (a paused JVM): catch up instead of bursting
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.warn("media tick failed; carrying on", e);
            }
        }
    }

    private void readReady() throws IOException {
        for (SelectionKey key : selector.selectedKeys()) {
            if (!key.isValid() || !key.isReadable()) {
                continue;
            }
            DatagramChannel channel = (DatagramChannel) key.channel();
            while (true) {
                receive.clear();
                if (channel.receive(receive) == null) {
                    break;
                }
                RtpPacket packet = RtpPacket.parse(receive.array(), receive.position());
                if (packet != null && key.attachment() instanceof MediaLeg leg && packet.payloadType() == leg.eventPayloadType) {
                    leg.lastReceivedNanos = System.nanoTime();
                    Character digit = leg.dtmf.accept(packet);
                    if (digit != null) {
                        String callSid = leg.callSid;
                        callbacks.execute(() -> onDigit.accept(callSid, digit));
                    }
                    continue;
                }
                Codec codec = packet == null ? null : Codec.ofPayloadType(packet.payloadType());
                if (codec == null) {
                    continue; // not RTP, or telephone-event / comfort noise: nothing to mix
                }
                short[] samples = G711.decode(codec, packet.payload(), 0, packet.payload().length);
                if (key.attachment() instanceof MediaLeg leg) {
                    leg.jitter.put(packet, samples);
                    leg.lastReceivedNanos = System.nanoTime();
                } else if (key.attachment() instanceof SimulatedPhone phone) {
                    phone.jitter.put(packet, samples);
                }
            }
        }
        selector.selectedKeys().clear();
    }

    private void tick(long now) {
        Map<String, List<MediaLeg>> rooms = new HashMap<>();
        for (MediaLeg leg : legs.values()) {
            leg.in = leg.jitter.take();
            leg.out = null;
            if (leg.audio.conferenceSid() != null) {
                rooms.computeIfAbsent(leg.audio.conferenceSid(), k -> new ArrayList<>()).add(leg);
            }
        }
        rooms.values().forEach(MediaPlane::mix);
        for (MediaLeg leg : legs.values()) {
            if (leg.out == null) {
                leg.out = alone(leg);
            }
            if (leg.announce != null) {
                short[] announcement = leg.announce.nextFrame();
                if (announcement != null) {
                    leg.out = announcement;
                } else {
                    leg.announce = null;
                }
            }
            send(leg.channel, leg.remote, leg.sender.next(leg.codec, pad(leg.out)));
            SimulatedPhone phone = leg.phone;
            if (phone != null) {
                short[] heard = phone.jitter.take();
                phone.heard.append(heard == null ? new short[Codec.FRAME_SAMPLES] : pad(heard));
                RtpPacket key = phone.keys.next(phone.sender, Sdp.TELEPHONE_EVENT);
                short[] frame = pad(phone.nextFrame()); // the source moves on while a key sounds, as a voice would
                send(phone.channel, phone.leg, key != null ? key : phone.sender.next(Codec.PCMU, frame));
            }
            if (leg.watched && !leg.timedOut && now - leg.lastReceivedNanos > mediaTimeoutNanos) {
                leg.timedOut = true;
                String callSid = leg.callSid;
                callbacks.execute(() -> onMediaTimeout.accept(callSid));
            }
        }
    }

    private static void mix(List<MediaLeg> room) {
        short[][] inputs = new short[room.size()][];
        boolean[] audible = new boolean[room.size()];
        int[] onlyHeardBy = new int[room.size()];
        for (int i = 0; i < inputs.length; i++) {
            MediaLeg leg = room.get(i);
            inputs[i] = leg.in == null ? null : pad(leg.in);
            audible[i] = !leg.audio.muted() && !leg.audio.hold();
            onlyHeardBy[i] = leg.audio.coaching() ? indexOf(room, leg.audio.callSidToCoach()) : ConferenceMix.EVERYONE;
        }
        short[][] outputs = ConferenceMix.mix(inputs, audible, onlyHeardBy);
        for (int i = 0; i < outputs.length; i++) {
            MediaLeg leg = room.get(i);
            leg.out = leg.audio.hold() ? leg.hold.nextFrame() : outputs[i];
        }
    }

    /** Where the coached leg is in the room; a coach whose leg is not there is heard by nobody. */
    private static int indexOf(List<MediaLeg> room, String callSid) {
        for (int i = 0; callSid != null && i < room.size(); i++) {
            if (callSid.equals(room.get(i).callSid)) {
                return i;
            }
        }
        return ConferenceMix.NOBODY;
    }

    /** What a leg outside any conference hears: its Play, hold music while queued, else silence. */
    private static short[] alone(MediaLeg leg) {
        if (leg.play != null) {
            short[] frame = leg.play.nextFrame();
            if (frame != null) {
                return frame;
            }
            leg.play = null; // played out; the URL stays so the same Play is not started again
        }
        if (leg.audio.queued()) {
            return leg.hold.nextFrame();
        }
        return new short[Codec.FRAME_SAMPLES];
    }

    private static short[] pad(short[] frame) {
        return frame.length == Codec.FRAME_SAMPLES ? frame : java.util.Arrays.copyOf(frame, Codec.FRAME_SAMPLES);
    }

    private static void send(DatagramChannel channel, InetSocketAddress to, RtpPacket packet) {
        if (to == null) {
            return;
        }
        try {
            channel.send(ByteBuffer.wrap(packet.encode()), to);
        } catch (IOException e) {
            log.debug("RTP to {} failed: {}", to, e.toString());
        }
    }

    // --- sockets -----------------------------------------------------------------------------------------------------

    private DatagramChannel bind() {
        try {
            DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.configureBlocking(false);
            if (rtpMin == 0 && rtpMax == 0) {
                channel.bind(new InetSocketAddress(host, 0));
                return channel;
            }
            synchronized (this) {
                int span = rtpMax - rtpMin + 1;
                for (int i = 0; i < span; i++) {
                    int candidate = nextPort;
                    nextPort = nextPort >= rtpMax ? rtpMin : nextPort + 1;
                    try {
                        channel.bind(new InetSocketAddress(host, candidate));
                        return channel;
                    } catch (IOException taken) {
                        // next one
                    }
                }
            }
            channel.close();
            throw new IllegalStateException("no free RTP port in " + rtpMin + "-" + rtpMax);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void register(DatagramChannel channel, Object attachment) {
        try {
            channel.register(selector, SelectionKey.OP_READ, attachment);
        } catch (IOException e) {
            log.warn("an RTP socket could not be watched", e);
        }
    }

    private static int port(DatagramChannel channel) {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void closeQuietly(MediaLeg leg) {
        try {
            leg.channel.close();
            if (leg.phone != null) {
                leg.phone.channel.close();
            }
        } catch (IOException e) {
            log.debug("closing an RTP socket failed", e);
        }
    }

    /** Ticks run, late by how much, how long the work took, and ticks skipped: for the benchmark and the snapshot. */
    public TickStats stats() {
        return stats;
    }

    /** How many legs have RTP endpoints now (read on the media thread's behalf; approximate from other threads). */
    public int legCount() {
        return legs.size();
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        legs.values().forEach(MediaPlane::closeQuietly);
        legs.clear();
        callbacks.shutdownNow();
        try {
            selector.close();
        } catch (IOException e) {
            log.debug("closing the selector failed", e);
        }
    }
}
