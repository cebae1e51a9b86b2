package dev.lifeline.server.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.event.ActivityChanged;
import dev.lifeline.model.event.StateSnapshot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read endpoints and the agent's own activity, over plain HTTP. */
class DesktopRestTest {

    private static DesktopFixture server;

    @BeforeAll
    static void start() {
        server = DesktopFixture.shared();
    }

    @Test
    void myStateIsTheSameSnapshotTheSocketSendsFirst() {
        HttpResponse<String> response = server.get(DesktopApi.MY_STATE, server.token("alice"));

        assertThat(response.statusCode()).isEqualTo(200);
        StateSnapshot snapshot = JsonCodec.shared().decode(response.body(), StateSnapshot.class);
        assertThat(snapshot.agent().workerSid()).isEqualTo(server.workerSid("alice"));
        assertThat(snapshot.agent().displayName()).isEqualTo("Alice Agent");
    }

    @Test
    void anAgentSetsItsOwnActivityAndItsDesktopHearsOfIt() throws Exception {
        try (TestDesktop alice = server.desktop("alice")) {
            alice.await(StateSnapshot.class);

            HttpResponse<String> response = server.post(DesktopApi.MY_ACTIVITY, server.token("alice"), new SetActivity(Activity.BREAK));

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(server.activityOf("alice")).isEqualTo("Break");
            assertThat(alice.await(ActivityChanged.class).agent().activity()).isEqualTo("Break");
        } finally {
            server.setActivity("alice", "Offline");
        }
    }

    @Test
    void theSoftphoneConfigurationPointsAtTheVoicePlaneWithTheAgentsOwnToken() throws Exception {
        HttpResponse<String> response = server.get(SoftphoneConfig.PATH, server.token("bob"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("kind").asText()).isEqualTo("emulator");
        assertThat(body.path("url").asText()).startsWith("ws://").endsWith("/voice-plane?identity=bob");
        assertThat(body.path("token").asText()).isEqualTo(server.sim.voicePlane().tokens().forIdentity("bob"));
    }

    @Test
    void aWebSocketUpgradeWithoutAValidTokenIsAnswered401() throws Exception {
        URI uri = URI.create(server.baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + DesktopApi.EVENTS + "?token=forged HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).contains(" 401");
        }
    }
}
