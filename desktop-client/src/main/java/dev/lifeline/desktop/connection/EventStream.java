package dev.lifeline.desktop.connection;

import dev.lifeline.desktop.ui.UiExecutor;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.CodecException;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.Heartbeat;
import dev.lifeline.model.event.ServerEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket half of {@link DesktopApi#EVENTS}: receives {@link ServerEvent}s, sends {@link Heartbeat}s (the
 * server's measure of the agent's presence), and reconnects with {@link Backoff} when the link drops. Every
 * (re)connect asks for a fresh one-time ticket first ({@link DesktopApi#EVENTS_TICKET}), so the bearer token never
 * appears in a URL. Events and
 * state changes reach the listeners through the {@link UiExecutor} only. After every (re)connect
 * {@code onConnected} runs so the owner can re-request the full state: a snapshot replaces whatever was missed.
 */
public final class EventStream implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);
    private static final JsonCodec CODEC = JsonCodec.shared();

    /** The listeners of a stream; every callback runs on the UI executor. */
    public interface Listener {
        void onEvent(ServerEvent event);

        void onState(ConnectionState state);

        /** The socket is open (again): time to ask for the full state. */
        void onConnected();

        /** The server refused the ticket or the upgrade (401/403): the token is no longer accepted. Retries continue meanwhile. */
        default void onRejected() {
        }
    }

    /** Where one-time tickets for the socket come from ({@link RestClient#eventsTicket()}). */
    public interface TicketSource {
        CompletableFuture<String> ticket();
    }

    private final OkHttpClient http;
    private final ServerAddress server;
    private final TicketSource tickets;
    private final UiExecutor ui;
    private final Listener listener;
    private final ScheduledExecutorService timer;
    private final Duration heartbeatEvery;
    private final Backoff backoff;
    private final Clock clock;

    private WebSocket socket;
    private ScheduledFuture<?> heartbeat;
    private long generation;
    private boolean closed;

    public EventStream(OkHttpClient http, ServerAddress server, TicketSource tickets, UiExecutor ui, Listener listener,
                       ScheduledExecutorService timer, Duration heartbeatEvery, Backoff backoff, Clock clock) {
        this.http = http;
        this.server = server;
        this.tickets = tickets;
        this.ui = ui;
        this.listener = listener;
        this.timer = timer;
        this.heartbeatEvery = heartbeatEvery;
        this.backoff = backoff;
        this.clock = clock;
    }

    public synchronized void start() {
        ui.execute(() -> listener.onState(ConnectionState.CONNECTING));
        open();
    }

    private synchronized void open() {
        if (closed) {
            return;
        }
        long mine = ++generation;
        tickets.ticket().whenComplete((ticket, failure) -> {
            if (failure == null) {
                connect(mine, ticket);
                return;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ServerProblem problem && (problem.status() == 401 || problem.status() == 403) && current(mine)) {
                ui.execute(listener::onRejected);
            }
            lost(mine, "no ticket: " + cause.getMessage());
        });
    }

    private synchronized void connect(long mine, String ticket) {
        if (!current(mine)) {
            return;
        }
        Request request = new Request.Builder().url(server.webSocket(DesktopApi.eventsWithTicket(ticket))).build();
        socket = http.newWebSocket(request, new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                if (!current(mine)) {
                    webSocket.cancel();
                    return;
                }
                log.info("event stream connected to {}", server.display());
                backoff.reset();
                startHeartbeat(webSocket, mine);
                ui.execute(() -> {
                    listener.onState(ConnectionState.CONNECTED);
                    listener.onConnected();
                });
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                if (!current(mine)) {
                    return;
                }
                try {
                    ServerEvent event = CODEC.decode(text, ServerEvent.class);
                    ui.execute(() -> listener.onEvent(event));
                } catch (CodecException e) {
                    // A newer server may send an event type this desktop does not know: log and skip, never drop the link.
                    log.warn("skipped an event the desktop does not understand: {}", e.getMessage());
                }
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
                webSocket.close(1000, null);
                lost(mine, "closed by server (" + code + ")");
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                if (response != null && (response.code() == 401 || response.code() == 403) && current(mine)) {
                    ui.execute(listener::onRejected);
                }
                lost(mine, response != null ? "HTTP " + response.code() : t.toString());
            }
        });
    }

    private synchronized boolean current(long mine) {
        return !closed && mine == generation;
    }

    private synchronized void lost(long mine, String why) {
        if (!current(mine)) {
            return;
        }
        generation++;
        stopHeartbeat();
        Duration delay = backoff.nextDelay();
        log.info("event stream lost ({}); reconnecting in {} ms", why, delay.toMillis());
        ui.execute(() -> listener.onState(ConnectionState.RECONNECTING));
        timer.schedule(this::open, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void startHeartbeat(WebSocket webSocket, long mine) {
        stopHeartbeat();
        heartbeat = timer.scheduleAtFixedRate(() -> {
            if (current(mine)) {
                webSocket.send(CODEC.encode(new Heartbeat(clock.instant())));
            }
        }, 0, heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    /** Closes the stream for good (sign-out, exit); no reconnect follows. */
    @Override
    public synchronized void close() {
        closed = true;
        stopHeartbeat();
        if (socket != null) {
            socket.close(1000, "desktop closing");
        }
    }
}
