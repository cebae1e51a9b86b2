package dev.lifeline.sim.bench;

import dev.lifeline.sim.media.Codec;
import dev.lifeline.sim.media.ConferenceMix;
import dev.lifeline.sim.media.FrameSource;
import dev.lifeline.sim.media.G711;
import dev.lifeline.sim.media.Goertzel;
import dev.lifeline.sim.media.MediaPlane;
import dev.lifeline.sim.media.Recording;
import dev.lifeline.sim.media.TickStats;
import dev.lifeline.sim.media.ToneGenerator;
import dev.lifeline.sim.voice.LegAudio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The emulator's conference mixer (issue 12, item 6): how many three-party conferences one media thread (one core)
 * mixes in real time, and mouth-to-ear latency through it. Prints {@code name p50=… p99=…} lines; asserts nothing.
 * Run with {@code bench/run.sh voice} (knobs: {@code -Dbench.voice.maxConferences=N -Dbench.voice.bursts=N}).
 */
@Tag("bench")
class MixerBenchmark {

    private static final int MAX_CONFERENCES = Integer.getInteger("bench.voice.maxConferences", 640);
    private static final int BURSTS = Integer.getInteger("bench.voice.bursts", 40);
    private static final Duration STEP = Duration.ofSeconds(3);

    @Test
    void mixerCapacityAndMouthToEarLatency() throws Exception {
        List<String> report = new ArrayList<>();
        report.add(pureMixing());
        report.addAll(realTimeCapacity());
        report.add(mouthToEar(0));
        report.add(mouthToEar(50));
        System.out.println("== voice mixer (twilio-sim media plane, one thread) ==");
        report.forEach(System.out::println);
    }

    /** Decode three PCMU frames, mix, encode three: the codec-and-mix work of one conference tick, no sockets. */
    private static String pureMixing() {
        short[][] tones = {new ToneGenerator(440, 0.3).nextFrame(), new ToneGenerator(1000, 0.3).nextFrame(),
                new ToneGenerator(1600, 0.3).nextFrame()};
        byte[][] wire = new byte[3][];
        for (int i = 0; i < 3; i++) {
            wire[i] = G711.encode(Codec.PCMU, tones[i]);
        }
        boolean[] audible = {true, true, true};
        long sink = 0;
        int rounds = 200_000;
        for (int warm = 0; warm < 2; warm++) {
            long start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                short[][] in = new short[3][];
                for (int i = 0; i < 3; i++) {
                    in[i] = G711.decode(Codec.PCMU, wire[i], 0, Codec.FRAME_SAMPLES);
                }
                short[][] out = ConferenceMix.mix(in, audible);
                for (int i = 0; i < 3; i++) {
                    sink += G711.encode(Codec.PCMU, out[i])[7];
                }
            }
            long perTick = (System.nanoTime() - start) / rounds;
            if (warm == 1) {
                return String.format("voice_mix_pure ns_per_conference_tick=%d conferences_per_core=%d sink=%d",
                        perTick, 20_000_000L / Math.max(1, perTick), sink & 1);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Full path: each party is a leg (its socket, jitter buffer, mix, G.711, RTP send) plus the simulated far end the
     * emulator also runs on that thread (a tone in, a recording out), so the figure is a lower bound for mixing alone.
     * A step is real time when no tick was skipped and the 99th percentile tick both started and finished within 20 ms.
     */
    private static List<String> realTimeCapacity() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        int best = 0;
        long byCpu = 0;
        try (MediaPlane plane = new MediaPlane("127.0.0.1", 0, 0, Duration.ofHours(1))) {
            int conferences = 0;
            for (int target = 10; target <= MAX_CONFERENCES; target *= 2) {
                while (conferences < target) {
                    addConference(plane, "CF" + conferences, new double[] {440, 1000, 1600});
                    conferences++;
                }
                Thread.sleep(500); // let the new legs settle before measuring
                TickStats stats = plane.stats();
                long ticksBefore = stats.ticks();
                long skippedBefore = stats.skipped();
                long cpuBefore = stats.cpuNanos();
                Thread.sleep(STEP.toMillis()); // measuring window, not a wait for a condition
                long ticks = stats.ticks() - ticksBefore;
                long skipped = stats.skipped() - skippedBefore;
                double cpuPerTick = (stats.cpuNanos() - cpuBefore) / 1e6 / Math.max(1, ticks);
                double workP50 = stats.workPercentile(50) / 1e6;
                double workP99 = stats.workPercentile(99) / 1e6;
                double lateP99 = stats.latePercentile(99) / 1e6;
                boolean realTime = skipped == 0 && workP99 < 20 && lateP99 + workP99 < 20
                        && ticks >= STEP.toMillis() / 20 * 9 / 10;
                lines.add(String.format("voice_tick_ms conferences=%d p50=%.2f p99=%.2f late_p99=%.2f cpu_per_tick=%.3f ticks=%d skipped=%d realtime=%s",
                        conferences, workP50, workP99, lateP99, cpuPerTick, ticks, skipped, realTime));
                if (realTime) {
                    best = Math.max(best, conferences); // the first step also warms the JIT up, so it may miss alone
                }
                if (cpuPerTick > 20) {
                    break; // past one core: ticks pile up and the per-tick figure stops meaning anything
                }
                byCpu = (long) (conferences * 20.0 / Math.max(cpuPerTick, 1e-6));
            }
        }
        lines.add("voice_conferences_realtime_per_core max=" + best + " by_cpu_time=" + byCpu
                + " loadavg=" + loadAverage());
        return lines;
    }

    /** The machine's 1-minute load average: the figures above mean little when it is far above the core count. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static List<String> addConference(MediaPlane plane, String conferenceSid, double[] tones) {
        List<String> legs = new ArrayList<>();
        for (int i = 0; i < tones.length; i++) {
            String callSid = conferenceSid + "-" + i;
            plane.update(callSid, new LegAudio(conferenceSid, false, false, null, 0, false, true));
            plane.farEndSends(callSid, new ToneGenerator(tones[i], 0.3));
            legs.add(callSid);
        }
        return legs;
    }

    /**
     * Party A sends 100 ms bursts of 1000 Hz every 500 ms; B's recording (its ear, after its own jitter buffer) is
     * searched for each burst's first frame. Latency = when B heard it minus when A's phone sent it.
     */
    private static String mouthToEar(int background) throws InterruptedException {
        try (MediaPlane plane = new MediaPlane("127.0.0.1", 0, 0, Duration.ofHours(1))) {
            for (int i = 0; i < background; i++) {
                addConference(plane, "BG" + i, new double[] {440, 1000, 1600});
            }
            Bursts bursts = new Bursts();
            plane.update("A", new LegAudio("CF-measured", false, false, null, 0, false, true));
            plane.update("B", new LegAudio("CF-measured", false, false, null, 0, false, true));
            plane.update("C", new LegAudio("CF-measured", false, false, null, 0, false, true));
            plane.farEndSends("A", bursts);
            Thread.sleep(500L * BURSTS + 1000); // the bursts play in real time
            Recording ear = plane.farEndHeard("B");
            short[] heard = ear.samples();
            List<Double> latencies = new ArrayList<>();
            int searchFrom = 0;
            for (long sent : bursts.sentNanos) {
                for (int frame = searchFrom; frame + 1 <= heard.length / Codec.FRAME_SAMPLES; frame++) {
                    int at = frame * Codec.FRAME_SAMPLES;
                    if (ear.nanosAt(at) < sent) {
                        continue;
                    }
                    if (Goertzel.power(heard, at, Codec.FRAME_SAMPLES, 1000, Codec.SAMPLE_RATE) > Goertzel.HIT) {
                        latencies.add((ear.nanosAt(at) - sent) / 1e6);
                        searchFrom = frame + 10; // past this burst
                        break;
                    }
                }
            }
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return String.format("voice_mouth_to_ear_ms background_conferences=%d p50=%.1f p99=%.1f max=%.1f n=%d of %d",
                    background, percentile(sorted, 50), percentile(sorted, 99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1], sorted.length, bursts.sentNanos.size());
        }
    }

    private static double percentile(double[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** 5 frames of 1000 Hz, 20 of silence, {@link #BURSTS} times; remembers when each burst's first frame went out. */
    private static final class Bursts implements FrameSource {
        final ConcurrentLinkedQueue<Long> sentNanos = new ConcurrentLinkedQueue<>();
        private final ToneGenerator tone = new ToneGenerator(1000, 0.3);
        private int frame;

        @Override
        public short[] nextFrame() {
            int inCycle = frame % 25;
            int cycle = frame / 25;
            frame++;
            if (cycle >= BURSTS || inCycle >= 5) {
                return new short[Codec.FRAME_SAMPLES];
            }
            if (inCycle == 0) {
                sentNanos.add(System.nanoTime());
            }
            return Arrays.copyOf(tone.nextFrame(), Codec.FRAME_SAMPLES);
        }
    }
}
