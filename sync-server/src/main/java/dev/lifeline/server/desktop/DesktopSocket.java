package dev.lifeline.server.desktop;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.codec.CodecException;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.event.ProblemReported;
import dev.lifeline.model.event.QueueSnapshotChanged;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.server.auth.SessionAuthenticator;
import dev.lifeline.server.auth.TokenService.Session;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.http.TokenBuckets;
import dev.lifeline.server.http.TooManyRequests;
import dev.lifeline.server.presence.PresenceRegistry;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop WebSocket ({@link DesktopApi#EVENTS}{@code ?ticket=…}): the upgrade needs a one-time ticket (asked for
 * over REST with the bearer token, so no reusable credential sits in the URL); it sends the agent's snapshot first
 * (supervisors: the queue snapshot), then pushes; takes heartbeats and any other {@link ClientCommand}, answering a bad
 * one with an {@code error} event.
 *
 * <p>What one user may cost: at most {@value #MAX_SOCKETS_PER_USER} sockets on this member (each costs a snapshot
 * from Twilio and map scans), at most {@value #UPGRADE_BURST} upgrades at once and one a second after that, and one
 * message budget for all their sockets ({@value #MESSAGES_PER_SECOND}/s, burst {@value #MESSAGE_BURST}): messages over
 * it are dropped with one {@code error} event (429) per streak, and a socket that keeps sending through
 * {@value #REFUSALS_BEFORE_CLOSE} refusals is closed (1008). Over the socket cap the new socket is refused (429 at the
 * upgrade, or 1008 if it raced past that check), not the oldest closed: a refused desktop retries with backoff and
 * gets in as soon as a stale socket of a crashed run is gone, whereas closing the oldest would let a stolen token
 * push the real desktop off and make two desktops of one user take turns forever. A logout closes every socket of
 * the session on every member (1008).
 */
final class DesktopSocket {

    /** Jetty closes a connection whose text frame is bigger with 1009 (message too big). */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    private static final int POLICY_VIOLATION = 1008;
    /** A desktop needs one; a second is a restart whose old socket the server has not seen close yet. */
    static final int MAX_SOCKETS_PER_USER = 3;
    /** Per user: a desktop reconnects with a backoff of half a second and more. */
    static final double UPGRADES_PER_SECOND = 1;
    static final int UPGRADE_BURST = 10;
    private static final String SESSION_ATTRIBUTE = "lifeline.session";
    /** Per user, shared by their sockets: a desktop sends a heartbeat every few seconds and a command now and then. */
    static final int MESSAGES_PER_SECOND = 50;
    static final int MESSAGE_BURST = 100;
    /** A client that keeps sending through this many refusals in a row is not listening: it is closed with 1008. */
    static final int REFUSALS_BEFORE_CLOSE = 100;
    private static final Logger log = LoggerFactory.getLogger(DesktopSocket.class);

    private final SessionAuthenticator authenticator;
    private final DesktopHub hub;
    private final DesktopCommands commands;
    private final AgentStates states;
    private final PresenceRegistry presence;
    private final Clock clock;
    private final Map<String, DesktopConnection> open = new ConcurrentHashMap<>();
    private volatile TokenBuckets messageBudget = new TokenBuckets(MESSAGES_PER_SECOND, MESSAGE_BURST);
    private volatile TokenBuckets upgradeBudget = new TokenBuckets(UPGRADES_PER_SECOND, UPGRADE_BURST);
    private final Map<String, Integer> refusalsInARow = new ConcurrentHashMap<>();
    private volatile FirstSignIn firstSignIn = FirstSignIn.NONE;
    private volatile Supplier<QueueSnapshot> queueSnapshots = () -> {
        throw new IllegalStateException("no supervisor feed serves this member");
    };

    DesktopSocket(SessionAuthenticator authenticator, DesktopHub hub, DesktopCommands commands, AgentStates states,
                  PresenceRegistry presence, Clock clock) {
        this.authenticator = authenticator;
        this.hub = hub;
        this.commands = commands;
        this.states = states;
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
        // Javalin copies the servlet session's attributes of every upgrade request, creating a session that would live
        // on in Jetty's memory; the desktop API keeps no HTTP session, so every upgrade, refused or not, drops it.
        HttpSession servletSession = ctx.req().getSession(false);
        if (servletSession != null) {
            servletSession.invalidate();
        }
        Session session = authenticator.redeemTicket(ctx.queryParam(DesktopApi.TICKET_PARAM))
                .orElseThrow(() -> new ApiProblem(Problem.unauthorized("The events socket needs a ticket from POST "
                        + DesktopApi.EVENTS_TICKET + "; a ticket works once and for a few seconds")));
        Duration wait = upgradeBudget.tryAcquire(session.identity());
        if (!wait.isZero()) {
            throw TooManyRequests.refuse(ctx, wait, "event socket connections");
        }
        if (socketsOf(session.identity()) >= MAX_SOCKETS_PER_USER) {
            throw TooManyRequests.refuse(ctx, Duration.ofSeconds(5), "event sockets: at most " + MAX_SOCKETS_PER_USER
                    + " per user are open at a time; close another desktop first");
        }
        ctx.attribute(SESSION_ATTRIBUTE, session);
    }

    private void connected(WsContext ctx) {
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        if (session == null) {
            ctx.session.close(POLICY_VIOLATION, "no ticket", Callback.NOOP);
            return;
        }
        ctx.session.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
        DesktopConnection connection = new DesktopConnection(ctx, session, hub.sender());
        synchronized (open) {
            // Upgrades racing past authorize() are counted here, where registering is atomic.
            if (socketsOf(session.identity()) >= MAX_SOCKETS_PER_USER) {
                ctx.session.close(POLICY_VIOLATION, "at most " + MAX_SOCKETS_PER_USER + " event sockets per user",
                        Callback.NOOP);
                return;
            }
            open.put(ctx.sessionId(), connection);
        }
        ctx.enableAutomaticPings();
        hub.attach(connection);
        String identity = session.identity();
        try {
            // By role, as the desktop decides which screen to show: a supervisor who also has a worker gets the queue,
            // and an agent without a worker gets a refusal, never the supervisor's view of the floor.
            if (session.isSupervisor()) {
                connection.sendSnapshotFirst(JsonCodec.shared().encode(new QueueSnapshotChanged(queueSnapshots.get())));
            } else {
                String workerSid = commands.workerOf(session);
                boolean neverSeen = presence.lastHeartbeat(identity).isEmpty();
                presence.heartbeat(identity);
                if (neverSeen) {
                    // Before the snapshot, so that the desk shows what the hook did.
                    firstSignIn.agentSignedInFirstTime(identity, workerSid);
                }
                connection.sendSnapshotFirst(JsonCodec.shared().encode(states.snapshot(identity, workerSid)));
            }
        } catch (ApiProblem e) {
            connection.sendSnapshotFirst(JsonCodec.shared().encode(new ProblemReported(e.problem().withInstance(DesktopApi.EVENTS))));
            connection.closeAfterPending(POLICY_VIOLATION, "no state to show");
        } catch (RuntimeException e) {
            log.warn("could not assemble the snapshot for {}", identity, e);
            connection.sendSnapshotFirst(JsonCodec.shared().encode(new ProblemReported(new Problem(Problem.ABOUT_BLANK,
                    "Snapshot unavailable", 503, "The server could not read your state; reconnect in a moment", null, null))));
        }
    }

    /** The monotonic clock (ns) the upgrade and message budgets refill by; set before the server takes sockets. */
    void budgetsRefillBy(LongSupplier nanoTime) {
        messageBudget = new TokenBuckets(MESSAGES_PER_SECOND, MESSAGE_BURST, nanoTime);
        upgradeBudget = new TokenBuckets(UPGRADES_PER_SECOND, UPGRADE_BURST, nanoTime);
    }

    void onFirstSignIn(FirstSignIn hook) {
        this.firstSignIn = hook;
    }

    void serveQueueSnapshots(Supplier<QueueSnapshot> snapshots) {
        this.queueSnapshots = snapshots;
    }

    private void received(WsMessageContext ctx) {
        DesktopConnection connection = open.get(ctx.sessionId());
        if (connection == null) {
            return;
        }
        Session session = connection.session();
        if (!clock.instant().isBefore(session.expiresAt())) {
            reply(connection, Problem.unauthorized("The session token has expired; sign in again"));
            connection.closeAfterPending(POLICY_VIOLATION, "token expired");
            return;
        }
        Duration wait = messageBudget.tryAcquire(session.identity());
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
        } else if (refusals == REFUSALS_BEFORE_CLOSE) {
            // Behind the error event on the same sender: a close sent straight away could overtake it.
            connection.closeAfterPending(POLICY_VIOLATION, "message rate limit exceeded");
        }
    }

    private void reply(DesktopConnection connection, Problem problem) {
        connection.reply(JsonCodec.shared().encode(new ProblemReported(problem.withInstance(DesktopApi.EVENTS))));
    }

    private void closed(WsContext ctx) {
        DesktopConnection connection;
        synchronized (open) {
            connection = open.remove(ctx.sessionId());
            if (connection != null && socketsOf(connection.session().identity()) == 0) {
                // The budget is the user's: it goes with their last socket, so the map does not keep every user ever seen.
                messageBudget.forget(connection.session().identity());
            }
        }
        refusalsInARow.remove(ctx.sessionId());
        if (connection != null) {
            hub.detach(connection);
        }
    }

    private int socketsOf(String identity) {
        int count = 0;
        for (DesktopConnection connection : open.values()) {
            if (connection.session().identity().equals(identity)) {
                count++;
            }
        }
        return count;
    }

    /** A logout anywhere in the cluster: this member's sockets of that session close. */
    void sessionEnded(String sessionId) {
        for (DesktopConnection connection : open.values()) {
            if (connection.session().sessionId().equals(sessionId)) {
                connection.socket().session.close(POLICY_VIOLATION, "signed out", Callback.NOOP);
            }
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
