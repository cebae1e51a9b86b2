package dev.lifeline.bench;

import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.sim.webhook.WebhookSigner;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Webhook throughput and handling latency on one member: signed conference callbacks (joins, holds, leaves of
 * customers on many conferences) posted from several threads to a sim-mode server, each one verified, parsed,
 * deduplicated and applied in an EntryProcessor. Reports requests/s and client-observed p50/p99, ending with a
 * {@code webhooks p50=… p99=… rate=…} line.
 *
 * <p>The measured pass is preceded by a warm-up pass of the same shape on other conferences ({@code bench.warmup}
 * callbacks, 4,000 by default), so the JIT has compiled the request path before the clock starts: with 200 warm-up
 * callbacks the first seconds of the measured pass ran interpreted code and the figure mostly measured the compiler.
 */
@Tag("bench")
class WebhookThroughputBenchmark {

    private static final int CONFERENCES = Integer.getInteger("bench.conferences", 500);
    private static final int EVENTS_PER_CONFERENCE = 8;
    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final int WARM_UP_CALLBACKS = Integer.getInteger("bench.warmup", 4_000);

    @Test
    void measureWebhookThroughput() throws Exception {
        ServerConfig config = ServerConfig.load(Map.of("LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", "bench-" + UUID.randomUUID(), "LIFELINE_CLUSTER_PORT", "5891",
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:5891", "LIFELINE_LOG_LEVEL", "WARN"));
        try (LifelineServer server = LifelineServer.start(config)) {
            WebhookSigner signer = new WebhookSigner(server.sim().authToken());
            String url = server.publicBaseUrl() + "/webhooks/conference";
            // Twilio posts its callbacks over HTTP/1.1; the JDK client would otherwise offer an h2c upgrade first.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(THREADS)).build();
            pass(http, signer, url, 2_000_000, Math.max(1, WARM_UP_CALLBACKS / EVENTS_PER_CONFERENCE));
            Pass measured = pass(http, signer, url, 1_000_000, CONFERENCES);
            int total = CONFERENCES * EVENTS_PER_CONFERENCE;
            System.out.println("== webhook handling (one member, sim mode, " + THREADS + " client threads) ==");
            System.out.printf("%d signed conference callbacks in %.2f s = %.0f req/s, failures %d%n", total,
                    measured.seconds, total / measured.seconds, measured.failures);
            System.out.println("client-observed latency: " + measured.latency.summary());
            System.out.printf("webhooks p50=%.1fms p99=%.1fms rate=%.0f/s failures=%d%n", measured.latency.at(50),
                    measured.latency.at(99), total / measured.seconds, measured.failures);
        }
    }

    private record Pass(double seconds, Percentiles latency, int failures) {
    }

    /** {@code conferences} conferences of {@value #EVENTS_PER_CONFERENCE} callbacks each, posted from the threads. */
    private static Pass pass(HttpClient http, WebhookSigner signer, String url, int firstConference, int conferences)
            throws InterruptedException {
        Percentiles latency = new Percentiles();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        for (int c = 0; c < conferences; c++) {
            String conference = "CF" + String.format("%032x", firstConference + c);
            senders.execute(() -> {
                for (int seq = 1; seq <= EVENTS_PER_CONFERENCE; seq++) {
                    long t0 = System.nanoTime();
                    int status = post(http, signer, url, callback(conference, seq));
                    double ms = (System.nanoTime() - t0) / 1e6;
                    synchronized (latency) {
                        latency.add(ms);
                    }
                    if (status != 204) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.MINUTES);
        return new Pass((System.nanoTime() - started) / 1e9, latency, failures.get());
    }

    private static Map<String, String> callback(String conference, int sequence) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ConferenceSid", conference);
        form.put("FriendlyName", "WT" + conference.substring(2));
        form.put("AccountSid", "AC00000000000000000000000000000001");
        form.put("SequenceNumber", String.valueOf(sequence));
        form.put("StatusCallbackEvent", sequence % 4 == 1 ? "participant-join" : sequence % 4 == 2 ? "participant-hold"
                : sequence % 4 == 3 ? "participant-unhold" : "participant-leave");
        form.put("CallSid", "CA" + conference.substring(2, 30) + String.format("%04d", sequence % 4));
        form.put("ParticipantLabel", "customer");
        form.put("Hold", String.valueOf(sequence % 4 == 2));
        form.put("Muted", "false");
        form.put("EndConferenceOnExit", "false");
        form.put("ReasonParticipantLeft", "participant_hung_up");
        return form;
    }

    private static int post(HttpClient http, WebhookSigner signer, String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signer.signForm(url, form))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
