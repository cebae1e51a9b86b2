package dev.lifeline.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load balancer a real deployment puts in front of its servers, as small as it can be: every request to
 * {@code public-base-url} (Twilio's webhooks, the media it fetches) goes to the next server in turn, request by
 * request, so consecutive callbacks of one call land on different members. A server that cannot be reached (killed)
 * is skipped and the request goes to the next one, as a balancer does after a failed connection; webhooks are
 * idempotent, so a request repeated after an ambiguous failure is safe. The servers check Twilio's signature against
 * the public URL, not their own, so they accept what it forwards unchanged.
 */
final class RoundRobinWebhooks implements AutoCloseable {

    /** Headers HttpClient sets itself and refuses to be given. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final List<String> servers;
    private final HttpServer listener;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<String, AtomicLong> dealt = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();

    private RoundRobinWebhooks(List<String> servers, HttpServer listener) {
        this.servers = List.copyOf(servers);
        this.listener = listener;
    }

    /** @param servers the members' own base URLs ({@code http://localhost:<port>}) */
    static RoundRobinWebhooks start(List<String> servers) {
        try {
            HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            RoundRobinWebhooks proxy = new RoundRobinWebhooks(servers, listener);
            listener.createContext("/", proxy::forward);
            listener.setExecutor(proxy.threads);
            listener.start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the round-robin proxy", e);
        }
    }

    /** Where Twilio (here the emulator) reaches the servers: their {@code public-base-url}. */
    String url() {
        return "http://localhost:" + listener.getAddress().getPort();
    }

    /** How many requests each server answered. */
    long answeredBy(String server) {
        AtomicLong count = dealt.get(server);
        return count == null ? 0 : count.get();
    }

    /** How many requests to {@code path} (e.g. {@code /webhooks/taskrouter}) a server answered. */
    long answeredOn(String path) {
        AtomicLong count = byPath.get(path);
        return count == null ? 0 : count.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int first = Math.floorMod(next.getAndIncrement(), servers.size());
            for (int tried = 0; tried < servers.size(); tried++) {
                String server = servers.get((first + tried) % servers.size());
                try {
                    HttpResponse<byte[]> response = http.send(request(exchange, server, body),
                            HttpResponse.BodyHandlers.ofByteArray());
                    dealt.computeIfAbsent(server, key -> new AtomicLong()).incrementAndGet();
                    byPath.computeIfAbsent(exchange.getRequestURI().getPath(), key -> new AtomicLong()).incrementAndGet();
                    answer(exchange, response);
                    return;
                } catch (IOException unreachable) {
                    // killed, or died mid-request: the next server takes it (webhooks are idempotent)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            exchange.sendResponseHeaders(502, -1);
        }
    }

    private static HttpRequest request(HttpExchange exchange, String server, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(20))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    private static void answer(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        listener.stop(0);
        threads.shutdownNow();
    }
}
