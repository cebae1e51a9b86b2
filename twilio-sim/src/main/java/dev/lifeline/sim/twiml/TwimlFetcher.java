package dev.lifeline.sim.twiml;

import dev.lifeline.sim.webhook.WebhookSigner;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Fetches TwiML from a call's {@code Url} the way Twilio does: a signed form POST (or GET) with the call's
 * parameters. Asynchronous, so it never runs under the world lock.
 */
public final class TwimlFetcher {

    private final WebhookSigner signer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Even building the request may resolve the host; none of that may happen on the caller's thread. */
    private final ExecutorService starter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "twilio-sim-twiml-fetch");
        thread.setDaemon(true);
        return thread;
    });

    public TwimlFetcher(WebhookSigner signer) {
        this.signer = signer;
    }

    /** Completes with the response body, or exceptionally on a network error or a non-2xx status. */
    public CompletableFuture<String> fetch(String url, String method, Map<String, String> params) {
        Map<String, String> sorted = new TreeMap<>(params);
        String form = sorted.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(Duration.ofSeconds(15))
                .header("User-Agent", "TwilioProxy/1.1");
        if ("GET".equals(method)) {
            String target = url + (url.contains("?") ? "&" : "?") + form;
            builder.uri(URI.create(target)).header("X-Twilio-Signature", signer.signUrl(target)).GET();
        } else {
            builder.uri(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signer.signForm(url, sorted))
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        }
        return CompletableFuture.supplyAsync(builder::build, starter)
                .thenCompose(request -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .thenApply(response -> {
                    if (response.statusCode() < 200 || response.statusCode() >= 300) {
                        throw new TwimlException("TwiML URL " + url + " answered " + response.statusCode());
                    }
                    return response.body();
                });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
