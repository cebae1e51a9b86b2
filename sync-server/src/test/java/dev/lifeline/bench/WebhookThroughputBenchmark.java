package dev.lifeline.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.config.ServerConfig;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Webhook throughput and handling latency on one member: signed conference callbacks (joins, holds, leaves of
 * customers on many conferences) sent by {@link WebhookLoad} in its own JVM, open loop at {@code bench.rate}
 * requests/s, to a sim-mode server in this JVM, each one verified, parsed, deduplicated and applied in Hazelcast.
 * Only the server runs here, so a profile of this JVM ({@code -DargLine=-XX:StartFlightRecording=…}) is the server's.
 * Ends with the load generator's {@code webhooks p50=… p99=… rate=… failures=…} line.
 *
 * <p>{@code -Dbench.target=empty} points the same load at a bare Javalin server whose handler only answers 204: the
 * ceiling of HTTP on this machine, against which the real handler's figure is read.
 */
@Tag("bench")
class WebhookThroughputBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 3_000);
    /**
     * Long enough for C2 to have compiled the webhook's path: with 10 s the compiler threads were still at work in
     * the measured window, and the server's CPU per request at 3,000/s read 450-530 us against 314-359 us after 20 s.
     */
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmupSeconds", 20);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);
    private static final boolean EMPTY = "empty".equals(System.getProperty("bench.target", "server"));

    @Test
    void measureWebhookThroughput() throws Exception {
        String before = loadAverage();
        List<String> report;
        if (EMPTY) {
            Javalin empty = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.routes.post("/webhooks/conference", ctx -> ctx.status(204));
            }).start("127.0.0.1", 0);
            try {
                report = load("http://localhost:" + empty.port() + "/webhooks/conference", "unused");
            } finally {
                empty.stop();
            }
        } else {
            ServerConfig config = ServerConfig.load(Map.of("LIFELINE_HTTP_PORT", "0",
                    "LIFELINE_CLUSTER_NAME", "bench-" + UUID.randomUUID(), "LIFELINE_CLUSTER_PORT", "5891",
                    "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:5891", "LIFELINE_LOG_LEVEL", "WARN"));
            try (LifelineServer server = LifelineServer.start(config)) {
                report = load(server.publicBaseUrl() + "/webhooks/conference", server.sim().authToken());
            }
        }
        System.out.println("== webhook handling (one member, sim mode" + (EMPTY ? ", EMPTY Javalin handler" : "")
                + ", load generator in its own JVM) ==");
        System.out.println("load average before: " + before + "; after: " + loadAverage());
        report.forEach(System.out::println);
    }

    /**
     * Runs {@link WebhookLoad} in a JVM of its own on this classpath; returns what it printed, ending with the CPU
     * time each measured request cost this JVM (the server) and the load generator: at a rate both keep up with,
     * that figure compares two builds where latency cannot tell them apart.
     */
    private static List<String> load(String url, String authToken) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WebhookLoad.class.getName(), url, String.valueOf(RATE),
                String.valueOf(WARM_UP_SECONDS), String.valueOf(SECONDS), String.valueOf(CONNECTIONS))
                .redirectErrorStream(true);
        builder.environment().put("BENCH_AUTH_TOKEN", authToken);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        CpuWindow cpu = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("window ")) {
                    cpu = CpuWindow.start(line, process.toHandle());
                } else {
                    lines.add(line);
                }
            }
        } finally {
            process.destroy();
        }
        int exit = process.waitFor();
        if (exit != 0 || cpu == null) {
            throw new AssertionError("WebhookLoad exited " + exit + ": " + String.join("\n", lines));
        }
        int measured = RATE * SECONDS;
        String last = lines.remove(lines.size() - 1);
        lines.add(String.format("CPU per measured request: server %.0f us, load generator %.0f us (2 cores = %.0f us "
                + "per request at this rate)", cpu.serverNanos() / 1e3 / measured, cpu.loadNanos() / 1e3 / measured,
                2e6 / RATE));
        lines.add(String.format("%s server_cpu_us=%.0f load_cpu_us=%.0f", last, cpu.serverNanos() / 1e3 / measured,
                cpu.loadNanos() / 1e3 / measured));
        return lines;
    }

    /** This JVM's and the load generator's CPU time between the two instants WebhookLoad announced. */
    private static final class CpuWindow {
        private final CompletableFuture<long[]> spent = new CompletableFuture<>();

        static CpuWindow start(String announcement, ProcessHandle load) {
            String[] fields = announcement.split("[ =]");
            long from = Long.parseLong(fields[2]);
            long to = Long.parseLong(fields[4]);
            CpuWindow window = new CpuWindow();
            Thread sampler = new Thread(() -> {
                sleepUntil(from);
                long server = serverCpu();
                long loadCpu = loadCpu(load);
                sleepUntil(to);
                window.spent.complete(new long[] {serverCpu() - server, loadCpu(load) - loadCpu});
            }, "cpu-window");
            sampler.setDaemon(true);
            sampler.start();
            return window;
        }

        long serverNanos() {
            return spent.join()[0];
        }

        long loadNanos() {
            return spent.join()[1];
        }

        private static void sleepUntil(long nanoTime) {
            for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
        }

        private static long serverCpu() {
            return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }

        private static long loadCpu(ProcessHandle load) {
            return load.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
