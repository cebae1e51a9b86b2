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
 * deduplicated and applied in an EntryProcessor. Reports requests/s and client-observed p50/p99.
 */
@Tag("bench")
class WebhookThroughputBenchmark {

    private static final int CONFERENCES = Integer.getInteger("bench.conferences", 500);
    private static final int EVENTS_PER_CONFERENCE = 8;
    private static final int THREADS = Integer.getInteger("bench.threads", 16);

    @Test
    void measureWebhookThroughput() throws Exception {
        ServerConfig config = ServerConfig.load(Map.of("LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", "bench-" + UUID.randomUUID(), "LIFELINE_CLUSTER_PORT", "5891",
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:5891", "LIFELINE_LOG_LEVEL", "WARN"));
        try (LifelineServer server = LifelineServer.start(config)) {
            WebhookSigner signer = new WebhookSigner(server.sim().authToken());
            String url = server.publicBaseUrl() + "/webhooks/conference";
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(THREADS)).build();
            warmUp(http, signer, url);
            Percentiles latency = new Percentiles();
            AtomicInteger failures = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(THREADS);
            long started = System.nanoTime();
            for (int c = 0; c < CONFERENCES; c++) {
                String conference = "CF" + String.format("%032x", c + 1_000_000);
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
            double seconds = (System.nanoTime() - started) / 1e9;
            int total = CONFERENCES * EVENTS_PER_CONFERENCE;
            System.out.println("== webhook handling (one member, sim mode, " + THREADS + " client threads) ==");
            System.out.printf("%d signed conference callbacks in %.2f s = %.0f req/s, failures %d%n", total, seconds, total / seconds, failures.get());
            System.out.println("client-observed latency: " + latency.summary());
        }
    }

    private static void warmUp(HttpClient http, WebhookSigner signer, String url) {
        for (int i = 1; i <= 200; i++) {
            post(http, signer, url, callback("CF" + String.format("%032x", 42), i));
        }
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
