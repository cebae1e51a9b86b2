package dev.lifeline.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.config.ServerConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A server whose cluster lists two members but which is up alone is below the default minimum (a majority):
 * it must not look healthy, or a load balancer would keep sending it Twilio callbacks it refuses with 503.
 */
class MinorityHealthTest {

    @Test
    void aServerWithoutAMajorityOfItsClusterReportsDownOnHealth() throws Exception {
        int port = freePort();
        int absentPeer = freePort();
        try (LifelineServer server = LifelineServer.start(ServerConfig.load(Map.of(
                "LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", "minority-" + UUID.randomUUID(),
                "LIFELINE_CLUSTER_PORT", String.valueOf(port),
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:" + port + ",127.0.0.1:" + absentPeer)))) {
            HttpResponse<String> forTheLoadBalancer = get(server.publicBaseUrl() + "/health");
            HttpResponse<String> forTheOperator = get(server.managementBaseUrl() + "/health");

            assertThat(forTheLoadBalancer.statusCode()).isEqualTo(503);
            assertThat(forTheLoadBalancer.body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(forTheOperator.statusCode()).isEqualTo(503);
            assertThat(forTheOperator.body()).contains("\"status\":\"DOWN\"").contains("\"servesRecoveryState\":false")
                    .contains("\"running\":true");
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
