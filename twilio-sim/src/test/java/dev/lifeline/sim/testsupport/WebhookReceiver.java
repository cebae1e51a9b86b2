package dev.lifeline.sim.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A tiny webhook receiver on a JDK {@link HttpServer}: records every request (method, full URL as the
 * sender called it, headers, raw body, decoded form parameters) and answers 204 (or a chosen status).
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private volatile int responseStatus = 204;
    private final Map<String, String> bodies = new java.util.concurrent.ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a local port", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            String url = baseUrl() + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            String contentType = headers.getOrDefault("Content-Type", "");
            Map<String, List<String>> form = contentType.startsWith("application/x-www-form-urlencoded")
                    ? parseForm(body) : Map.of();
            synchronized (received) {
                received.add(new Received(exchange.getRequestMethod(), url, exchange.getRequestURI().getRawPath(),
                        headers, body, form));
            }
            String reply = bodies.get(exchange.getRequestURI().getRawPath());
            if (reply != null) {
                byte[] replyBytes = reply.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, replyBytes.length);
                exchange.getResponseBody().write(replyBytes);
            } else {
                exchange.sendResponseHeaders(responseStatus, -1);
            }
            exchange.close();
        });
        server.start();
    }

    /** e.g. {@code http://127.0.0.1:41234}; append any path to build a callback URL. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    /** Answers requests to {@code path} with 200 and this body (e.g. TwiML for a call's {@code Url}). */
    public void serve(String path, String body) {
        bodies.put(path, body);
    }

    public void respondWith(int status) {
        this.responseStatus = status;
    }

    public List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> matching(Predicate<Received> filter) {
        return all().stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} requests match, then returns all that match. */
    public List<Received> await(Predicate<Received> filter, int count, Duration timeout) {
        Await.until(() -> matching(filter).size() >= count, timeout,
                () -> count + " matching callbacks; got " + all().size() + " in total: " + describeAll());
        return matching(filter);
    }

    public Received awaitOne(Predicate<Received> filter) {
        return await(filter, 1, Duration.ofSeconds(5)).get(0);
    }

    /** Only conference callbacks with this {@code StatusCallbackEvent}. */
    public static Predicate<Received> event(String statusCallbackEvent) {
        return r -> statusCallbackEvent.equals(r.param("StatusCallbackEvent"));
    }

    public void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    private String describeAll() {
        return all().stream().map(r -> r.path() + " " + r.param("StatusCallbackEvent")).toList().toString();
    }

    static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One recorded request. {@code url} is the full URL the sender used, query string included. */
    public record Received(String method, String url, String path, Map<String, String> headers, String body,
                           Map<String, List<String>> form) {

        /** First value of a form parameter, or null. */
        public String param(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Form parameters as the single-valued map {@code RequestValidator.validate} takes. */
        public Map<String, String> singleValuedParams() {
            Map<String, String> params = new LinkedHashMap<>();
            form.forEach((name, values) -> params.put(name, values.get(0)));
            return params;
        }

        public String header(String name) {
            return headers.get(name);
        }
    }
}
