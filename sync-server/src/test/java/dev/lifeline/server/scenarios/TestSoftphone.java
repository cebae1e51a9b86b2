package dev.lifeline.server.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An agent's softphone on the emulator's voice plane, as the desktop holds it: answers every ring, and can
 * hang up gracefully or vanish (the connection closes without a hang-up — a crashed desktop).
 */
final class TestSoftphone implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> connectedCalls = new CopyOnWriteArrayList<>();

    private TestSoftphone(WebSocket socket) {
        this.socket = socket;
    }

    static TestSoftphone register(String voicePlaneUrl, String token) throws Exception {
        Listener listener = new Listener();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(voicePlaneUrl + "&token=" + token), listener)
                .get(5, TimeUnit.SECONDS);
        TestSoftphone phone = new TestSoftphone(socket);
        listener.phone = phone;
        return phone;
    }

    List<String> connectedCalls() {
        return List.copyOf(connectedCalls);
    }

    /** The desktop process dies: the socket goes away without a goodbye. */
    void drop() {
        socket.abort();
    }

    void hangUp(String callSid) {
        send("{\"type\":\"hangup\",\"callSid\":\"" + callSid + "\"}");
    }

    private void onMessage(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            received.add(message);
            switch (message.path("type").asText()) {
                case "ring" -> send("{\"type\":\"answer\",\"callSid\":\"" + message.path("callSid").asText() + "\"}");
                case "connected" -> connectedCalls.add(message.path("callSid").asText());
                default -> { }
            }
        } catch (Exception e) {
            throw new IllegalStateException("unreadable voice-plane message: " + text, e);
        }
    }

    private synchronized void send(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.abort();
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private TestSoftphone phone;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (phone != null) {
                    phone.onMessage(text);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
