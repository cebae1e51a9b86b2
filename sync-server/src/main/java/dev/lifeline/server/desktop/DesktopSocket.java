package dev.lifeline.server.desktop;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.CodecException;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.event.ProblemReported;
import dev.lifeline.model.event.QueueSnapshotChanged;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.auth.SessionAuthenticator;
import dev.lifeline.server.auth.TokenService.Session;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.http.TokenBuckets;
import dev.lifeline.server.http.TooManyRequests;
import dev.lifeline.server.presence.PresenceRegistry;
import dev.lifeline.server.supervisor.SupervisorFeed;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop WebSocket ({@link DesktopApi#EVENTS}{@code ?token=…}): refuses a bad token with 401 at the upgrade,
 * sends the agent's snapshot first (supervisors: the queue snapshot), then pushes; takes heartbeats and any other
 * {@link ClientCommand}, answering a bad one with an {@code error} event. Each connection has a message budget
 * ({@value #MESSAGES_PER_SECOND}/s, burst {@value #MESSAGE_BURST}): messages over it are dropped with one {@code error}
 * event (429) per streak, and a client that keeps sending through {@value #REFUSALS_BEFORE_CLOSE} refusals is closed (1008).
 */
final class DesktopSocket {

    /** Jetty closes a connection whose text frame is bigger with 1009 (message too big). */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final int POLICY_VIOLATION = 1008;
    /** Per connection: a desktop sends a heartbeat every few seconds and a command now and then. */
    static final int MESSAGES_PER_SECOND = 50;
    static final int MESSAGE_BURST = 100;
    /** A client that keeps sending through this many refusals in a row is not listening: it is closed with 1008. */
    static final int REFUSALS_BEFORE_CLOSE = 100;
    private static final Logger log = LoggerFactory.getLogger(DesktopSocket.class);

    private final SessionAuthenticator authenticator;
    private final DesktopHub hub;
    private final DesktopCommands commands;
    private final AgentStates states;
    private final SupervisorFeed supervisor;
    private final PresenceRegistry presence;
    private final Clock clock;
    private final Map<String, DesktopConnection> open = new ConcurrentHashMap<>();
    private final TokenBuckets messageBudget = new TokenBuckets(MESSAGES_PER_SECOND, MESSAGE_BURST);
    private final Map<String, Integer> refusalsInARow = new ConcurrentHashMap<>();
    private volatile FirstSignIn firstSignIn = FirstSignIn.NONE;

    DesktopSocket(SessionAuthenticator authenticator, DesktopHub hub, DesktopCommands commands, AgentStates states,
                  SupervisorFeed supervisor, PresenceRegistry presence, Clock clock) {
        this.authenticator = authenticator;
        this.hub = hub;
        this.commands = commands;
        this.states = states;
        this.supervisor = supervisor;
        this.presence = presence;
        this.clock = clock;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.wsBeforeUpgrade(DesktopApi.EVENTS, this::authorize);
        routes.ws(DesktopApi.EVENTS, ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(this::received);
            ws.onClose(ctx -> closed(ctx));
            ws.onError(ctx -> log.debug("desktop socket {} failed", ctx.sessionId(), ctx.error()));
        });
    }

    private void authorize(Context ctx) {
        if (authenticator.fromQueryToken(ctx.queryParam(DesktopApi.TOKEN_PARAM)).isEmpty()) {
            throw new ApiProblem(Problem.unauthorized("The events socket needs a valid ?token="));
        }
    }

    private void connected(WsContext ctx) {
        Optional<Session> session = authenticator.fromQueryToken(ctx.queryParam(DesktopApi.TOKEN_PARAM));
        if (session.isEmpty()) {
            ctx.session.close(POLICY_VIOLATION, "invalid or expired token", Callback.NOOP);
            return;
        }
        ctx.session.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
        ctx.enableAutomaticPings();
        DesktopConnection connection = new DesktopConnection(ctx, session.get(), hub.sender());
        open.put(ctx.sessionId(), connection);
        hub.attach(connection);
        String identity = session.get().identity();
        try {
            Optional<String> workerSid = commands.workerSidOf(identity);
            if (workerSid.isPresent()) {
                boolean neverSeen = presence.lastHeartbeat(identity).isEmpty();
                presence.heartbeat(identity);
                if (neverSeen) {
                    // Before the snapshot, so that the desk shows what the hook did.
                    firstSignIn.agentSignedInFirstTime(identity, workerSid.get());
                }
                connection.sendSnapshotFirst(JsonCodec.shared().encode(states.snapshot(identity, workerSid.get())));
            } else {
                connection.sendSnapshotFirst(JsonCodec.shared().encode(new QueueSnapshotChanged(supervisor.snapshot())));
            }
        } catch (RuntimeException e) {
            log.warn("could not assemble the snapshot for {}", identity, e);
            connection.sendSnapshotFirst(JsonCodec.shared().encode(new ProblemReported(new Problem(Problem.ABOUT_BLANK,
                    "Snapshot unavailable", 503, "The server could not read your state; reconnect in a moment", null, null))));
        }
    }

    void onFirstSignIn(FirstSignIn hook) {
        this.firstSignIn = hook;
    }

    private void received(WsMessageContext ctx) {
        DesktopConnection connection = open.get(ctx.sessionId());
        if (connection == null) {
            return;
        }
        Session session = connection.session();
        if (!clock.instant().isBefore(session.expiresAt())) {
            reply(connection, Problem.unauthorized("The session token has expired; sign in again"));
            ctx.session.close(POLICY_VIOLATION, "token expired", Callback.NOOP);
            return;
        }
        Duration wait = messageBudget.tryAcquire(ctx.sessionId());
        if (!wait.isZero()) {
            refuseOverRate(ctx, connection, wait);
            return;
        }
        refusalsInARow.remove(ctx.sessionId());
        try {
            ClientCommand command = JsonCodec.shared().decode(ctx.message(), ClientCommand.class);
            commands.execute(session, command);
        } catch (CodecException e) {
            reply(connection, Problem.invalidBody(e));
        } catch (ApiProblem e) {
            reply(connection, e.problem());
        } catch (RuntimeException e) {
            log.warn("desktop command from {} failed", session.identity(), e);
            reply(connection, new Problem(Problem.INTERNAL, "Internal error", 500, "The server could not carry out the command",
                    null, null));
        }
    }

    /** One {@code error} event per streak of refused messages (no amplification), then a close if it goes on. */
    private void refuseOverRate(WsMessageContext ctx, DesktopConnection connection, Duration wait) {
        int refusals = refusalsInARow.merge(ctx.sessionId(), 1, Integer::sum);
        if (refusals == 1) {
            reply(connection, TooManyRequests.problem("More than " + MESSAGES_PER_SECOND + " messages per second; this one "
                    + "was dropped, try again in " + TooManyRequests.retryAfterSeconds(wait) + " s"));
        } else if (refusals >= REFUSALS_BEFORE_CLOSE) {
            ctx.session.close(POLICY_VIOLATION, "message rate limit exceeded", Callback.NOOP);
        }
    }

    private void reply(DesktopConnection connection, Problem problem) {
        connection.reply(JsonCodec.shared().encode(new ProblemReported(problem.withInstance(DesktopApi.EVENTS))));
    }

    private void closed(WsContext ctx) {
        DesktopConnection connection = open.remove(ctx.sessionId());
        messageBudget.forget(ctx.sessionId());
        refusalsInARow.remove(ctx.sessionId());
        if (connection != null) {
            hub.detach(connection);
        }
    }

    /**
     * Tells each desktop whose token expires before {@code limit} to refresh it ({@code session-expiring}, once), and
     * closes sockets whose token has already expired (1008): a socket must not outlive the session that opened it.
     *
     * @return how many desktops were warned
     */
    int warnSessionsExpiringBefore(java.time.Instant limit) {
        int warned = 0;
        java.time.Instant now = clock.instant();
        for (DesktopConnection connection : hub.connectionsExpiringBefore(limit)) {
            if (!now.isBefore(connection.session().expiresAt())) {
                connection.socket().session.close(POLICY_VIOLATION, "token expired", Callback.NOOP);
            } else if (connection.markWarnedOfExpiry()) {
                connection.push(JsonCodec.shared().encode(new dev.lifeline.model.event.SessionExpiring(connection.session().expiresAt())));
                warned++;
            }
        }
        return warned;
    }

    int openConnections() {
        return open.size();
    }
}
