package dev.lifeline.server.fuzz.limits;

import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.app.SimModeServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The composed server in sim mode on loopback, with its own cluster, as an operator would start it. */
final class LimitsServer implements AutoCloseable {

    final LifelineServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LimitsServer(LifelineServer server) {
        this.server = server;
    }

    static LimitsServer start() {
        return new LimitsServer(SimModeServers.start("limits", Map.of()));
    }

    /**
     * A server whose request and socket budgets never refill: what it serves and refuses is exactly the burst, on a
     * fast machine or a loaded one (on wall time, a client slower than the refill rate is never refused at all).
     */
    static LimitsServer startWithBudgetsHeldStill() {
        long heldAt = System.nanoTime();
        return new LimitsServer(SimModeServers.start("limits", Map.of(), () -> heldAt));
    }

    HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(server.publicBaseUrl() + path)).timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return SimModeServers.send(http, request.build());
    }

    /** Signs a demo user in (sim mode creates alice, bob and sam) and returns the bearer token. */
    String token(String user) {
        HttpResponse<String> login = send(to("/api/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + user + "-demo\"}")));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + user + " failed: " + login.body());
        }
        return login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** The events socket's address with a fresh one-time ticket, asked for with {@code token} as the desktop does. */
    URI events(String token) {
        return eventsWithTicket(ticket(token));
    }

    URI eventsWithTicket(String ticket) {
        return URI.create(server.publicBaseUrl().replace("http", "ws") + "/api/events?ticket=" + ticket);
    }

    String ticket(String token) {
        HttpResponse<String> ticket = send(to("/api/events/ticket").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (ticket.statusCode() != 200) {
            throw new IllegalStateException("no ticket: " + ticket.body());
        }
        return ticket.body().replaceAll(".*\"ticket\":\"([^\"]+)\".*", "$1");
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
