package dev.lifeline.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeline.server.config.ServerConfig;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 #8 and the low item on {@code /health} and {@code /metrics}: a sim-mode server (demo users, open
 * {@code /demo} routes) is reachable from this machine only, and the public port tells a stranger nothing beyond
 * "up" or "down".
 */
class ListenerExposureTest {

    private static LifelineServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = LifelineServer.start(ServerConfig.load(Map.of(
                "LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", "exposure-" + UUID.randomUUID(),
                "LIFELINE_CLUSTER_PORT", "6131",
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:6131")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** 127.0.0.2 is this machine too, but not the loopback address a listener was bound to. */
    private static void assertRefusedOnAnotherAddress(int port) {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.2", port), 5_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void simModeListensOnLoopbackOnly() throws Exception {
        assertThat(get(server.publicBaseUrl() + "/health").statusCode()).isEqualTo(200);

        assertRefusedOnAnotherAddress(server.port());
    }

    @Test
    void theEmbeddedEmulatorListensOnLoopbackOnly() {
        assertRefusedOnAnotherAddress(server.sim().port());
    }

    @Test
    void thePublicHealthCheckSaysUpAndNothingMore() throws Exception {
        HttpResponse<String> health = get(server.publicBaseUrl() + "/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void metricsAreNotServedOnThePublicPort() throws Exception {
        HttpResponse<String> metrics = get(server.publicBaseUrl() + "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(404);
        assertThat(metrics.body()).doesNotContain("lifeline_");
    }

    @Test
    void theManagementPortHasTheDetailsAndListensOnLoopbackOnly() throws Exception {
        HttpResponse<String> health = get(server.managementBaseUrl() + "/health");

        assertThat(server.managementBaseUrl()).startsWith("http://127.0.0.1:");
        assertThat(health.body()).contains("\"version\":").contains("\"mode\":\"sim\"");
        assertThat(get(server.managementBaseUrl() + "/metrics").body()).contains("lifeline_incidents_opened_total");
        assertRefusedOnAnotherAddress(URI.create(server.managementBaseUrl()).getPort());
    }
}
