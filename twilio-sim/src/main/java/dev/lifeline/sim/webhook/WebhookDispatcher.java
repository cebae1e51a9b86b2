package dev.lifeline.sim.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers signed callbacks off the caller's thread. Callbacks that share an ordering key go through the
 * same lane, so they arrive in order unless {@link DeliveryFaults} shuffles them on purpose.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    // Twilio sends from many machines at once; 32 lanes let a storm of hundreds of conferences arrive as
    // concurrently as reliability.md §5 test 1 asks ("sent from 32 threads"), while one key keeps one lane.
    private static final int LANES = 32;
    private static final int LOG_LIMIT = 20_000;

    private final WebhookSigner signer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final Map<String, List<Webhook>> heldForReorder = new HashMap<>();
    private final Deque<Delivery> deliveries = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong callbacks = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final ScheduledExecutorService holdTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twilio-sim-webhook-hold");
        thread.setDaemon(true);
        return thread;
    });
    private volatile DeliveryFaults faults = DeliveryFaults.NONE;
    // Guarded by heldForReorder; re-seeded whenever the faults change so a storm can be replayed.
    private Random random = new Random(DeliveryFaults.NONE.seed());

    public WebhookDispatcher(WebhookSigner signer) {
        this.signer = signer;
        for (int i = 0; i < LANES; i++) {
            int lane = i;
            lanes.add(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "twilio-sim-webhook-" + lane);
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    public void faults(DeliveryFaults faults) {
        synchronized (heldForReorder) {
            this.faults = faults;
            random = new Random(faults.seed());
        }
        if (faults.reorderWindow() == 1) {
            flushHeld();
        }
    }

    public DeliveryFaults faults() {
        return faults;
    }

    /** Queues a callback; returns at once. */
    public void send(Webhook webhook) {
        if (webhook.url() == null || webhook.url().isBlank()) {
            return;
        }
        callbacks.incrementAndGet();
        DeliveryFaults current = faults;
        if (current.reorderWindow() == 1) {
            release(List.of(webhook));
            return;
        }
        List<Webhook> batch;
        synchronized (heldForReorder) {
            String key = webhook.orderingKey();
            List<Webhook> held = heldForReorder.get(key);
            if (held == null) {
                held = new ArrayList<>();
                heldForReorder.put(key, held);
                releaseLater(key, held, current.reorderHold());
            }
            held.add(webhook);
            if (held.size() < current.reorderWindow()) {
                return;
            }
            heldForReorder.remove(key);
            batch = held;
        }
        release(batch);
    }

    /** Releases callbacks held back for re-ordering, shuffled. */
    public void flushHeld() {
        List<Webhook> all = new ArrayList<>();
        synchronized (heldForReorder) {
            heldForReorder.values().forEach(all::addAll);
            heldForReorder.clear();
        }
        release(all);
    }

    /** Callbacks the emulator asked to send so far, before duplication (each may be delivered several times). */
    public long callbacksSent() {
        return callbacks.get();
    }

    /** Delivery attempts so far, copies and retries included (the log of {@link #deliveries()} is bounded). */
    public long deliveryAttempts() {
        return attempts.get();
    }

    /** Every delivery attempt so far, oldest first (bounded), for assertions and the world view. */
    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** @return true once nothing is queued, held or being sent; false if the deadline passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            boolean held;
            synchronized (heldForReorder) {
                held = !heldForReorder.isEmpty();
            }
            if (inFlight.get() == 0 && !held) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** A window that does not fill within {@code hold} is released as it is, as Twilio would not wait forever. */
    private void releaseLater(String key, List<Webhook> group, Duration hold) {
        if (hold.isZero()) {
            return;
        }
        holdTimer.schedule(() -> {
            synchronized (heldForReorder) {
                if (heldForReorder.get(key) != group) {
                    return; // the window filled (or was flushed) first
                }
                heldForReorder.remove(key);
            }
            release(group);
        }, hold.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Shuffles the batch and queues every callback with its own, randomly drawn, number of copies. */
    private void release(List<Webhook> batch) {
        DeliveryFaults current = faults;
        List<Webhook> copies = new ArrayList<>();
        synchronized (heldForReorder) {
            for (Webhook webhook : batch) {
                for (int copy = 0, extra = current.duplicatesFor(random); copy <= extra; copy++) {
                    copies.add(webhook);
                }
            }
            if (batch.size() > 1) {
                Collections.shuffle(copies, random);
            }
        }
        copies.forEach(w -> enqueue(w, current.delay()));
    }

    private void enqueue(Webhook webhook, Duration delay) {
        inFlight.incrementAndGet();
        String key = webhook.orderingKey() == null ? webhook.url() : webhook.orderingKey();
        lanes.get(Math.floorMod(key.hashCode(), LANES)).execute(() -> {
            try {
                if (!delay.isZero()) {
                    Thread.sleep(delay.toMillis());
                }
                deliver(webhook, UUID.randomUUID().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private void deliver(Webhook webhook, String idempotencyToken) throws InterruptedException {
        HttpRequest request = buildRequest(webhook, idempotencyToken);
        int retries = 0;
        long backoffMillis = 100;
        while (true) {
            int status;
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
            }
            record(new Delivery(webhook.url(), webhook.isJson(), status, retries, Instant.now(), webhook));
            boolean failed = status < 200 || status >= 300;
            boolean retryable = status == -1 || (failed && webhook.retry().retryOnHttpError);
            if (!failed || !retryable || retries >= webhook.retry().maxRetries) {
                if (failed) {
                    log.debug("callback to {} gave up with status {} after {} retries", webhook.url(), status, retries);
                }
                return;
            }
            retries++;
            Thread.sleep(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis / 2 + 1));
            backoffMillis = Math.min(backoffMillis * 2, 5_000);
        }
    }

    private HttpRequest buildRequest(Webhook webhook, String idempotencyToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder()
                .timeout(Duration.ofSeconds(15))
                .header("User-Agent", "TwilioProxy/1.1")
                .header("I-Twilio-Idempotency-Token", idempotencyToken);
        if (webhook.isJson()) {
            String url = WebhookSigner.urlWithBodyHash(webhook.url(), webhook.json());
            return builder.uri(URI.create(url))
                    .header("Content-Type", "application/json")
                    .header("X-Twilio-Signature", signer.signUrl(url))
                    .POST(HttpRequest.BodyPublishers.ofString(webhook.json(), StandardCharsets.UTF_8))
                    .build();
        }
        String body = webhook.form().entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        Map<String, String> signed = new HashMap<>();
        webhook.form().forEach((k, v) -> {
            if (v != null) {
                signed.put(k, v);
            }
        });
        if (webhook.isGet()) {
            // GET: the parameters ride in the query string and only the full URL is signed (twilio-api.md §5)
            String url = body.isEmpty() ? webhook.url() : webhook.url() + (webhook.url().contains("?") ? "&" : "?") + body;
            return builder.uri(URI.create(url))
                    .header("X-Twilio-Signature", signer.signUrl(url))
                    .GET()
                    .build();
        }
        return builder.uri(URI.create(webhook.url()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signer.signForm(webhook.url(), signed))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private void record(Delivery delivery) {
        attempts.incrementAndGet();
        synchronized (deliveries) {
            deliveries.addLast(delivery);
            while (deliveries.size() > LOG_LIMIT) {
                deliveries.removeFirst();
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        holdTimer.shutdownNow();
        lanes.forEach(ExecutorService::shutdownNow);
    }

    /** One attempt to deliver a callback; {@code status} is -1 when the receiver could not be reached. */
    public record Delivery(String url, boolean json, int status, int retry, Instant at, Webhook webhook) {
    }
}
