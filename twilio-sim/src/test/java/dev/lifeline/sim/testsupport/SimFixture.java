package dev.lifeline.sim.testsupport;

import com.twilio.http.TwilioRestClient;
import dev.lifeline.sim.TwilioSim;
import dev.lifeline.sim.client.EmulatorHttpClient;
import dev.lifeline.sim.core.ManualClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One emulator on a free port with a {@link ManualClock}, a real twilio-java client pointed at it and a
 * webhook receiver. Use it in a try-with-resources block or from {@code @BeforeEach}/{@code @AfterEach}.
 *
 * <pre>{@code
 * try (SimFixture sim = SimFixture.start()) {
 *     Call call = Call.creator(to, from, twiml).create(sim.client());
 *     sim.clock().advance(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class SimFixture implements AutoCloseable {

    private final ManualClock clock = new ManualClock();
    private final TwilioSim sim;
    private final TwilioRestClient client;
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final HttpClient http = HttpClient.newHttpClient();

    private SimFixture(java.util.function.UnaryOperator<TwilioSim.Builder> options) {
        this.sim = options.apply(TwilioSim.builder().port(0).clock(clock)).start();
        this.client = new TwilioRestClient.Builder(sim.accountSid(), sim.authToken())
                .httpClient(new EmulatorHttpClient(sim.baseUrl()))
                .build();
    }

    public static SimFixture start() {
        return new SimFixture(builder -> builder);
    }

    /** With the SIP Domain on (any free SIP port) and this RTP media timeout (real time). */
    public static SimFixture startWithSip(Duration mediaTimeout) {
        return new SimFixture(builder -> builder.sipPort(0).mediaTimeout(mediaTimeout));
    }

    /** With RTP media and the mixer for simulated parties (no SIP): their audio is real time, the call logic on the clock. */
    public static SimFixture startWithMedia() {
        return new SimFixture(builder -> builder.media(true));
    }

    public TwilioSim sim() {
        return sim;
    }

    /** The real SDK client: pass it to {@code .create(client)}, {@code .fetch(client)}, … */
    public TwilioRestClient client() {
        return client;
    }

    public ManualClock clock() {
        return clock;
    }

    public WebhookReceiver receiver() {
        return receiver;
    }

    public String baseUrl() {
        return sim.baseUrl();
    }

    public String accountSid() {
        return sim.accountSid();
    }

    public String authToken() {
        return sim.authToken();
    }

    /** Moves the emulator's time forward, firing every timer that falls due. */
    public void advance(Duration by) {
        clock.advance(by);
    }

    /** Raw HTTP with the account's Basic auth, for shapes the SDK hides (status codes, error bodies). */
    public HttpResponse<String> authed(String method, String path, String formBody) {
        return send(method, path, formBody, "Basic " + Base64.getEncoder().encodeToString(
                (sim.accountSid() + ":" + sim.authToken()).getBytes(StandardCharsets.UTF_8)));
    }

    /** Raw HTTP without auth (the {@code /sim} scenario API needs none). */
    public HttpResponse<String> unauthed(String method, String path, String body) {
        return send(method, path, body, null);
    }

    /** Raw HTTP with a JSON body and no auth, for the {@code /sim} scenario API. */
    public HttpResponse<String> simJson(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return execute(builder.build());
    }

    public HttpResponse<String> send(String method, String path, String formBody, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, formBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8));
        if (formBody != null) {
            builder.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return execute(builder.build());
    }

    private HttpResponse<String> execute(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One call as {@code /sim/state} shows it ({@code status}, {@code activity}, {@code twimlActivity}, {@code effects}…). */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> callState(String callSid) {
        return ((java.util.List<java.util.Map<String, Object>>) sim.voice().snapshot().get("calls")).stream()
                .filter(call -> callSid.equals(call.get("sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no call " + callSid));
    }

    /** Waits until every queued callback has been delivered (or the deadline passes). */
    public void awaitWebhooksIdle() {
        try {
            sim.webhooks().awaitIdle(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        sim.close();
        receiver.close();
    }
}
