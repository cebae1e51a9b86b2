package dev.lifeline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.config.ServerConfig;
import dev.lifeline.server.desktop.TestDesktop;
import dev.lifeline.server.twilio.TaskRouterGateway;
import dev.lifeline.sim.client.EmulatorHttpClient;
import java.net.ServerSocket;
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
 * Issue 21 item 7: in sim mode the demo agent whose desk signs in is Available at once, so the README's quick start
 * rings alice without a click; a demo agent nobody signed in as stays Offline and is never offered a call, and an
 * agent's own later choice is not overridden when the desk connects again.
 */
class DemoAgentsStartAvailableTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static LifelineServer server;

    @BeforeAll
    static void start() throws Exception {
        int clusterPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            clusterPort = socket.getLocalPort();
        }
        server = LifelineServer.start(ServerConfig.load(Map.of(
                "LIFELINE_HTTP_PORT", "0",
                "LIFELINE_CLUSTER_NAME", "demo-agents-" + UUID.randomUUID(),
                "LIFELINE_CLUSTER_PORT", String.valueOf(clusterPort),
                "LIFELINE_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDemoAgentsDeskStartsAvailableAndAnAgentNobodySignedInAsStaysOffline() {
        String alice = signIn("alice");

        try (TestDesktop desk = TestDesktop.connect(http, server.publicBaseUrl(), alice)) {
            StateSnapshot first = desk.await(StateSnapshot.class);

            assertThat(first.agent().activity()).isEqualTo("Available");
        }
        assertThat(activityOf("bob")).isEqualTo("Offline");
    }

    @Test
    void anAgentsOwnChoiceIsKeptWhenTheDeskConnectsAgain() throws Exception {
        String bob = signIn("bob");
        try (TestDesktop desk = TestDesktop.connect(http, server.publicBaseUrl(), bob)) {
            desk.await(StateSnapshot.class);
        }
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(server.publicBaseUrl() + DesktopApi.MY_ACTIVITY))
                .header("Content-Type", "application/json").header(DesktopApi.AUTHORIZATION_HEADER, DesktopApi.BEARER_PREFIX + bob)
                .POST(HttpRequest.BodyPublishers.ofString(JsonCodec.shared().encode(new SetActivity(Activity.OFFLINE)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(204);

        try (TestDesktop again = TestDesktop.connect(http, server.publicBaseUrl(), bob)) {
            assertThat(again.await(StateSnapshot.class).agent().activity()).isEqualTo("Offline");
        }
    }

    private static String activityOf(String identity) {
        TwilioRestClient client = new TwilioRestClient.Builder(server.sim().accountSid(), server.sim().authToken())
                .httpClient(new EmulatorHttpClient(server.sim().baseUrl())).build();
        TaskRouterGateway twilio = TaskRouterGateway.over(client, server.workspace().workspaceSid());
        return twilio.fetchWorker(server.workspace().workers().get(identity)).orElseThrow().activityName();
    }

    private static String signIn(String identity) {
        try {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.publicBaseUrl() + "/api/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + identity + "\",\"password\":\"" + identity
                            + "-demo\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            return login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        } catch (Exception e) {
            throw new AssertionError("sign-in of " + identity + " failed", e);
        }
    }
}
