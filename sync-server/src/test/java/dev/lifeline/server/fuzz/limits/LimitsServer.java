package dev.lifeline.server.fuzz.limits;

import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The composed server in sim mode on loopback, with its own cluster, as an operator would start it. */
final class LimitsServer implements AutoCloseable {

    final LifelineServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LimitsServer(LifelineServer server) {
        this.server = server;
    }

    static LimitsServer start() {
        int clusterPort = freePort();
        return new LimitsServer(LifelineServer.start(ServerConfig.load(Map.of(
                "LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", "limits-" + UUID.randomUUID(),
                "LIFELINE_CLUSTER_PORT", String.valueOf(clusterPort),
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort))));
    }

    HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(server.publicBaseUrl() + path)).timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    URI events(String token) {
        return URI.create(server.publicBaseUrl().replace("http", "ws") + "/api/events?token=" + token);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
