package dev.lifeline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeline.server.app.LifelineServer;
import dev.lifeline.server.app.SimModeServers;
import dev.lifeline.server.testsupport.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 4: the Simulator's "Customer calls in" ({@code POST /demo/calls}) is a caller of the demo number, met by
 * the call entry like a real caller: the menu, then the queue of the key's skill with hold music and their position.
 * Checked by what the emulator's caller heard and what TaskRouter holds.
 */
class DemoCallEntryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static LifelineServer server;

    @BeforeAll
    static void start() {
        server = SimModeServers.start("demo-entry", Map.of("LIFELINE_ENTRY_MENU", "1=sales, 2=support"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDemoCallerHearsTheMenuReachesTheSkillAndHearsHoldMusicAndTheirPosition() throws Exception {
        String call = post("/demo/calls", "").path("callSid").asText();
        Await.until("the menu listens", () -> "gathering".equals(state(call).get("twimlActivity")));
        assertThat(server.sim().voice().spoken(call)).containsExactly("For sales, press 1. For support, press 2.");

        post("/sim/calls/" + call + "/digits", "{\"digits\":\"2\"}", server.emulatorUrl());

        JsonNode task = Await.value("the caller's task", () -> taskOf(call).orElse(null));
        assertThat(task.path("skill").asText()).isEqualTo("support");
        assertThat(task.path("to").asText()).isEqualTo(DemoNumber.forPort(server.port()));
        Await.until("the caller hears their position", () -> server.sim().voice().spoken(call).stream()
                .anyMatch(said -> said.matches("You are (next|number \\d+) in the queue\\.")));
        Await.until("then the hold music", () -> server.sim().voice().effects(call).getOrDefault("play", 0) >= 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(String call) {
        return ((List<Map<String, Object>>) server.sim().voice().snapshot().get("calls")).stream()
                .filter(state -> call.equals(state.get("sid"))).findFirst().orElse(Map.of());
    }

    private static Optional<JsonNode> taskOf(String call) {
        for (com.twilio.rest.taskrouter.v1.workspace.Task task : com.twilio.rest.taskrouter.v1.workspace.Task
                .reader(server.workspace().workspaceSid()).read(client())) {
            try {
                JsonNode attributes = JSON.readTree(task.getAttributes());
                if (call.equals(attributes.path("call_sid").asText())) {
                    return Optional.of(attributes);
                }
            } catch (java.io.IOException unreadable) {
                // not a caller's task
            }
        }
        return Optional.empty();
    }

    private static com.twilio.http.TwilioRestClient client() {
        return new com.twilio.http.TwilioRestClient.Builder(server.sim().accountSid(), server.sim().authToken())
                .httpClient(new dev.lifeline.sim.client.EmulatorHttpClient(server.sim().baseUrl())).build();
    }

    private static JsonNode post(String path, String body) throws Exception {
        return post(path, body, server.publicBaseUrl());
    }

    private static JsonNode post(String path, String body, String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }
}
