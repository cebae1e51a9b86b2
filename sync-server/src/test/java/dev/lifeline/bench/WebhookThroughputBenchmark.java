package dev.lifeline.bench;

import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.config.ServerConfig;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmupSeconds", 10);
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

    /** Runs {@link WebhookLoad} in a JVM of its own on this classpath; returns what it printed. */
    private static List<String> load(String url, String authToken) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WebhookLoad.class.getName(), url, String.valueOf(RATE),
                String.valueOf(WARM_UP_SECONDS), String.valueOf(SECONDS), String.valueOf(CONNECTIONS))
                .redirectErrorStream(true);
        builder.environment().put("BENCH_AUTH_TOKEN", authToken);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } finally {
            process.destroy();
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new AssertionError("WebhookLoad exited " + exit + ": " + String.join("\n", lines));
        }
        return lines;
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
