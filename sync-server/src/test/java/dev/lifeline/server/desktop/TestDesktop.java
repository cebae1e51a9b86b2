package dev.lifeline.server.desktop;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.event.ServerEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A desktop's events socket, from the JDK WebSocket client; records every event and how the socket closed. */
public final class TestDesktop implements AutoCloseable {

    public final List<ServerEvent> events;
    public final List<String> raw;
    private final Holder holder;
    private final WebSocket socket;

    private TestDesktop(WebSocket socket, Holder holder) {
        this.socket = socket;
        this.holder = holder;
        this.events = holder.events;
        this.raw = holder.raw;
    }

    /** How the socket closed: null while open, -1 after an error. */
    public Integer closeCode() {
        return holder.closeCode;
    }

    public static TestDesktop connect(HttpClient http, String baseUrl, String token) {
        Holder holder = new Holder();
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(baseUrl.replace("http", "ws") + DesktopApi.eventsWithToken(token)), holder)
                .orTimeout(15, java.util.concurrent.TimeUnit.SECONDS)
                .join();
        return new TestDesktop(socket, holder);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public <T extends ServerEvent> T await(Class<T> type, Predicate<T> match) {
        return Await.value("a " + type.getSimpleName() + " event", () -> events.stream()
                .filter(type::isInstance).map(type::cast).filter(match).findFirst().orElse(null));
    }

    public <T extends ServerEvent> T await(Class<T> type) {
        return await(type, e -> true);
    }

    @Override
    public void close() {
        if (holder.closeCode == null) {
            socket.abort();
        }
    }

    /**
     * Records on the client's own threads without waiting for the {@code TestDesktop}: the snapshot can arrive
     * before {@code buildAsync} completes, and blocking here on it would deadlock the client's executor.
     */
    private static final class Holder implements WebSocket.Listener {
        final List<ServerEvent> events = new CopyOnWriteArrayList<>();
        final List<String> raw = new CopyOnWriteArrayList<>();
        volatile Integer closeCode;
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                raw.add(text);
                events.add(JsonCodec.shared().decode(text, ServerEvent.class));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (closeCode == null) {
                closeCode = -1;
            }
        }
    }
}
