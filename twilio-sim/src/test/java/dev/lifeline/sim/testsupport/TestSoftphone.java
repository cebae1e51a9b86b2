package dev.lifeline.sim.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A softphone on the emulator's voice plane, built on the JDK {@link WebSocket}: records every message the
 * server pushes and sends {@code answer}/{@code reject}/{@code hangup}.
 */
public final class TestSoftphone implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final List<JsonNode> messages = new ArrayList<>();
    private volatile boolean closedByServer;

    private TestSoftphone(WebSocket.Builder builder, URI uri) throws Exception {
        this.socket = builder.buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
    }

    /** Connects as {@code client:<identity>} with {@code token}; throws if the server refuses the upgrade. */
    public static TestSoftphone connect(String baseUrl, String identity, String token) throws Exception {
        URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/voice-plane?identity="
                + URLEncoder.encode(identity, StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return new TestSoftphone(HttpClient.newHttpClient().newWebSocketBuilder(), uri);
    }

    public List<JsonNode> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** Waits for the first message of {@code type} (after {@code skip} earlier ones of that type). */
    public JsonNode await(String type, int skip) {
        return Await.value(() -> messages().stream().filter(m -> type.equals(m.path("type").asText()))
                .skip(skip).findFirst().orElse(null), Duration.ofSeconds(5), "a '" + type + "' message; got " + messages());
    }

    public JsonNode await(String type) {
        return await(type, 0);
    }

    public void answer(String callSid) {
        send("{\"type\":\"answer\",\"callSid\":\"" + callSid + "\"}");
    }

    public void reject(String callSid) {
        send("{\"type\":\"reject\",\"callSid\":\"" + callSid + "\"}");
    }

    public void hangUp(String callSid) {
        send("{\"type\":\"hangup\",\"callSid\":\"" + callSid + "\"}");
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    /** A clean WebSocket close, but without any hang-up message first. */
    public void closeWithoutHangup() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    /** Tears the TCP connection down, as a killed process would. */
    public void abort() {
        socket.abort();
    }

    public boolean closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    synchronized (messages) {
                        messages.add(message);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("server sent non-JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedByServer = true;
            return null;
        }
    }
}
