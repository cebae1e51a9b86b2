package dev.lifeline.server.app;

import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.server.http.ProblemResponses;
import dev.lifeline.server.observability.LifelineMetrics;
import io.javalin.Javalin;

/**
 * The management listener: {@code /health} with its details and {@code /metrics}, on {@code management.host}
 * (loopback by default) so version and counters are not served to whoever reaches the public port.
 */
final class ManagementServer implements AutoCloseable {

    private final Javalin http;

    private ManagementServer(Javalin http) {
        this.http = http;
    }

    static ManagementServer start(String host, int port, HealthRoutes health, LifelineMetrics metrics) {
        Javalin http = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jsonMapper(new CodecJsonMapper(JsonCodec.shared()));
            ProblemResponses.register(javalin.routes);
            health.registerManagement(javalin.routes);
            javalin.routes.get("/metrics", ctx -> ctx.contentType(LifelineMetrics.contentType()).result(metrics.scrape()));
        });
        ManagementServer server = new ManagementServer(http);
        try {
            http.start(host, port);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
    }
}
