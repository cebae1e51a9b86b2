package dev.lifeline.server.desktop;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.EventsTicket;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.server.app.SimModeServers;
import dev.lifeline.server.testsupport.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
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

    /** As the desktop does it: a one-time ticket over REST with the bearer token, then the upgrade with the ticket. */
    public static TestDesktop connect(HttpClient http, String baseUrl, String token) {
        HttpResponse<String> ticket = requestTicket(http, baseUrl, token);
        if (ticket.statusCode() != 200) {
            throw new CompletionException(new IllegalStateException("ticket refused: HTTP " + ticket.statusCode()));
        }
        return connectWithTicket(http, baseUrl, JsonCodec.shared().decode(ticket.body(), EventsTicket.class).ticket());
    }

    /** {@code POST /api/events/ticket} with {@code token} (none when null). */
    public static HttpResponse<String> requestTicket(HttpClient http, String baseUrl, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + DesktopApi.EVENTS_TICKET))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header(DesktopApi.AUTHORIZATION_HEADER, DesktopApi.BEARER_PREFIX + token);
        }
        return SimModeServers.send(http, request.build());
    }

    /** The upgrade with a ticket as it is (used, expired or made up, for the hostile tests); null: no ticket at all. */
    public static TestDesktop connectWithTicket(HttpClient http, String baseUrl, String ticket) {
        Holder holder = new Holder();
        String path = ticket == null ? DesktopApi.EVENTS : DesktopApi.eventsWithTicket(ticket);
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(baseUrl.replace("http", "ws") + path), holder)
                .orTimeout(15, java.util.concurrent.TimeUnit.SECONDS)
                .join();
        return new TestDesktop(socket, holder);
    }

    /** @return the HTTP status that refused the upgrade with this ticket, or null when the socket opened (and is closed again) */
    public static Integer upgradeStatus(HttpClient http, String baseUrl, String ticket) {
        try {
            connectWithTicket(http, baseUrl, ticket).close();
            return null;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException handshake) {
                return handshake.getResponse().statusCode();
            }
            throw e;
        }
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
