package dev.lifeline.desktop.testing;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.EventsTicket;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.RefreshResponse;
import dev.lifeline.model.auth.ResumeCredential;
import dev.lifeline.model.auth.ResumeRequest;
import dev.lifeline.model.auth.Role;
import dev.lifeline.model.callbacks.CallbackList;
import dev.lifeline.model.callbacks.CallbackView;
import dev.lifeline.model.callbacks.ScheduleCallback;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.command.Heartbeat;
import dev.lifeline.model.event.QueueSnapshotChanged;
import dev.lifeline.model.event.ServerEvent;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.model.queue.QueueSnapshot;
import dev.lifeline.model.softphone.SoftphoneAccount;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A scripted stand-in for sync-server's side of {@link DesktopApi}: login, refresh (the presented token stops working,
 * as on the real server), logout, one-time socket tickets, the agent's state, REST commands (recorded, answered 204
 * unless scripted otherwise) and the event WebSocket (opened with a ticket; a snapshot first, then whatever the test
 * pushes). Strictly the contract, so the real server can replace it.
 */
public final class FakeLifelineServer implements AutoCloseable {

    private static final JsonCodec CODEC = JsonCodec.shared();

    private record User(String password, Role role, String workerSid) {
    }

    private final Javalin app;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, String> identityByToken = new ConcurrentHashMap<>();
    private final Map<String, String> identityByTicket = new ConcurrentHashMap<>();
    private final AtomicInteger logouts = new AtomicInteger();
    /** Issue 14: live resume credential → "identity deviceId"; a used one is removed (no reuse detection here). */
    private final Map<String, String> resumeCredentials = new ConcurrentHashMap<>();
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicInteger signOuts = new AtomicInteger();
    private final Map<String, WsContext> sockets = new ConcurrentHashMap<>();
    private final Map<String, String> socketIdentity = new ConcurrentHashMap<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger stateRequests = new AtomicInteger();
    private final AtomicInteger stateAnswers = new AtomicInteger();
    private final Gate stateAnswerGate = new Gate();
    private final Gate softphoneGate = new Gate();
    private final List<ClientCommand> commands = new CopyOnWriteArrayList<>();
    private final List<String> log;
    private final AtomicReference<Supplier<StateSnapshot>> agentState = new AtomicReference<>();
    private final AtomicReference<QueueSnapshot> queueSnapshot = new AtomicReference<>();
    private final AtomicReference<SoftphoneAccount> softphone = new AtomicReference<>();
    private volatile Duration tokenLifetime = Duration.ofMinutes(15);
    private volatile Consumer<ClientCommand> onCommand = command -> { };
    private volatile Problem refuseCommandsWith;
    private final Gate commandGate = new Gate();
    private final AtomicInteger ticketsIssued = new AtomicInteger();
    private final List<String> placedCalls = new CopyOnWriteArrayList<>();
    private volatile Problem refuseCallsWith;
    /** Issue 18: the supervisor's call routes asked, as "listen CF1", "whisper CF1", … */
    private final List<String> supervisedCalls = new CopyOnWriteArrayList<>();
    private volatile Problem refuseSupervisionWith;

    public FakeLifelineServer(List<String> sharedLog) {
        this.log = sharedLog;
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post(DesktopApi.LOGIN, this::login);
            config.routes.post(DesktopApi.TOKEN_REFRESH, this::refresh);
            config.routes.post(DesktopApi.LOGOUT, ctx -> {
                identity(ctx);
                identityByToken.remove(bearer(ctx));
                logouts.incrementAndGet();
                ctx.status(204);
            });
            config.routes.post(DesktopApi.RESUME, this::resume);
            config.routes.post(DesktopApi.SIGN_OUT, ctx -> {
                String identity = identity(ctx);
                identityByToken.remove(bearer(ctx));
                resumeCredentials.values().removeIf(owner -> owner.startsWith(identity + " "));
                signOuts.incrementAndGet();
                ctx.status(204);
            });
            config.routes.post(DesktopApi.EVENTS_TICKET, ctx -> {
                String identity = identity(ctx);
                String ticket = "ticket-" + tokens.incrementAndGet();
                ticketsIssued.incrementAndGet();
                identityByTicket.put(ticket, identity);
                json(ctx, 200, CODEC.encode(new EventsTicket(ticket, Instant.now().plusSeconds(30))));
            });
            config.routes.get(DesktopApi.MY_STATE, ctx -> {
                identity(ctx);
                stateRequests.incrementAndGet();
                String state = CODEC.encode(agentState.get().get());
                stateAnswerGate.pass();
                json(ctx, 200, state);
                stateAnswers.incrementAndGet();
            });
            config.routes.get(DesktopApi.MY_SOFTPHONE, ctx -> {
                identity(ctx);
                softphoneGate.pass();
                SoftphoneAccount offered = softphone.get();
                if (offered == null) {
                    problem(ctx, Problem.notFound("softphone of", identity(ctx)));
                } else {
                    json(ctx, 200, CODEC.encode(offered));
                }
            });
            config.routes.get(DesktopApi.SUPERVISOR_SNAPSHOT, ctx -> {
                identity(ctx);
                json(ctx, 200, CODEC.encode(queueSnapshot.get()));
            });
            for (String path : List.of(DesktopApi.ACCEPT_RESERVATION, DesktopApi.REJECT_RESERVATION, DesktopApi.HANG_UP,
                    DesktopApi.HOLD, DesktopApi.UNHOLD, DesktopApi.MUTE, DesktopApi.WRAP_UP_TASK,
                    DesktopApi.COMPLETE_TASK, DesktopApi.MY_ACTIVITY, DesktopApi.CANCEL_INCIDENT, DesktopApi.PHONE_READY,
                    DesktopApi.LEG_ABANDONED,
                    DesktopApi.ADD_PARTY, DesktopApi.REMOVE_PARTY, DesktopApi.TRANSFER, DesktopApi.COMPLETE_TRANSFER,
                    DesktopApi.CANCEL_TRANSFER)) {
                config.routes.post(path, this::command);
            }
            config.routes.post(DesktopApi.MY_CALLS, this::placeCall);
            // Issue 20 item 6: callbacks, as the server's CallbackRoutes answer them (see callbacks below).
            config.routes.post(DesktopApi.MY_CALLBACKS, this::scheduleCallback);
            config.routes.get(DesktopApi.MY_CALLBACKS, ctx -> json(ctx, 200, CODEC.encode(new CallbackList(
                    callbacks.stream().filter(c -> identity(ctx).equals(callbackOwners.get(c.id()))).toList()))));
            config.routes.get(DesktopApi.QUEUE_CALLBACKS, ctx -> {
                identity(ctx);
                queueCallbackReads.incrementAndGet();
                json(ctx, 200, CODEC.encode(new CallbackList(List.copyOf(callbacks))));
            });
            for (String path : List.of(DesktopApi.LISTEN, DesktopApi.WHISPER, DesktopApi.BARGE, DesktopApi.LEAVE_CALL)) {
                config.routes.post(path, ctx -> superviseCall(ctx, path));
            }
            // As sync-server does: a ticket works once; an unknown or used one is refused at the upgrade with 401.
            config.routes.wsBeforeUpgrade(DesktopApi.EVENTS, ctx -> {
                String identity = identityByTicket.remove(String.valueOf(ctx.queryParam(DesktopApi.TICKET_PARAM)));
                if (identity == null) {
                    throw new io.javalin.http.UnauthorizedResponse("The events socket needs a valid ?ticket=");
                }
                ctx.attribute("identity", identity);
            });
            config.routes.ws(DesktopApi.EVENTS, ws -> {
                ws.onConnect(ctx -> {
                    String identity = ctx.attribute("identity");
                    if (identity == null) {
                        ctx.closeSession(4401, "unauthorized");
                        return;
                    }
                    sockets.put(ctx.sessionId(), ctx);
                    socketIdentity.put(ctx.sessionId(), identity);
                    connects.incrementAndGet();
                    User user = users.get(identity);
                    if (user.role() == Role.SUPERVISOR) {
                        if (queueSnapshot.get() != null) {
                            ctx.send(CODEC.encode(new QueueSnapshotChanged(queueSnapshot.get())));
                        }
                    } else if (agentState.get() != null) {
                        ctx.send(CODEC.encode(agentState.get().get()));
                    }
                });
                ws.onMessage(ctx -> {
                    ClientCommand command = CODEC.decode(ctx.message(), ClientCommand.class);
                    if (command instanceof Heartbeat) {
                        heartbeats.incrementAndGet();
                    } else {
                        record(command);
                    }
                });
                ws.onClose(ctx -> {
                    sockets.remove(ctx.sessionId());
                    socketIdentity.remove(ctx.sessionId());
                });
            });
        }).start(0);
    }

    public FakeLifelineServer() {
        this(new CopyOnWriteArrayList<>());
    }

    public String url() {
        return "http://localhost:" + app.port();
    }

    public FakeLifelineServer agent(String identity, String password, String workerSid) {
        users.put(identity, new User(password, Role.AGENT, workerSid));
        return this;
    }

    public FakeLifelineServer supervisor(String identity, String password) {
        users.put(identity, new User(password, Role.SUPERVISOR, null));
        return this;
    }

    /** What {@code GET /api/me/state} and the first WebSocket event return. */
    public void agentState(Supplier<StateSnapshot> snapshot) {
        agentState.set(snapshot);
    }

    public void queueSnapshot(QueueSnapshot snapshot) {
        queueSnapshot.set(snapshot);
    }

    /** The SIP account {@code GET /api/me/softphone} hands the signed-in agent; 404 while null (the default). */
    public void offerSoftphone(SoftphoneAccount settings) {
        softphone.set(settings);
    }

    public void tokenLifetime(Duration lifetime) {
        tokenLifetime = lifetime;
    }

    /** Runs for each recorded command, e.g. to push the events a real server would send next. */
    public void onCommand(Consumer<ClientCommand> reaction) {
        onCommand = reaction;
    }

    /** Every command from now on is refused with this problem. */
    public void refuseCommands(Problem problem) {
        refuseCommandsWith = problem;
    }

    public void push(ServerEvent event) {
        String json = CODEC.encode(event);
        sockets.values().forEach(socket -> socket.send(json));
    }

    /** Forgets every token issued so far (as a server with a new signing key would): they all get 401. */
    public void revokeTokens() {
        identityByToken.clear();
    }

    /** Drops every event socket, as a restarting server would. */
    public void dropSockets() {
        sockets.values().forEach(socket -> socket.closeSession(1012, "restarting"));
    }

    public List<ClientCommand> commands() {
        return List.copyOf(commands);
    }

    public <T extends ClientCommand> List<T> commands(Class<T> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public int heartbeats() {
        return heartbeats.get();
    }

    public int refreshes() {
        return refreshes.get();
    }

    /**
     * Holds every command request on arrival, before its token is looked at, until the returned action runs: to let a
     * test refresh the token while a command is on its way.
     */
    public Runnable holdCommands() {
        return commandGate.close();
    }

    /**
     * Holds every answer to {@code GET /api/me/state}, with the state as it was when asked, until the returned action
     * runs: an answer fetched before the events the test pushes meanwhile and arriving after them.
     */
    public Runnable holdStateAnswers() {
        return stateAnswerGate.close();
    }

    /** Holds every answer to {@code GET /api/me/softphone} until the returned action runs: a slow phone set-up. */
    public Runnable holdSoftphoneAccounts() {
        return softphoneGate.close();
    }

    public int heldStateAnswers() {
        return stateAnswerGate.held();
    }

    /** How many answers to {@code GET /api/me/state} went out. */
    public int stateAnswers() {
        return stateAnswers.get();
    }

    public int heldCommands() {
        return commandGate.held();
    }

    public int ticketsIssued() {
        return ticketsIssued.get();
    }

    public int logouts() {
        return logouts.get();
    }

    /** Whether the server still accepts {@code token} (not refreshed away, not signed out). */
    public boolean accepts(String token) {
        return identityByToken.containsKey(token);
    }

    public int connects() {
        return connects.get();
    }

    /** How often {@code GET /api/me/state} was asked. */
    public int stateRequests() {
        return stateRequests.get();
    }

    public int openSockets() {
        return sockets.size();
    }

    private void login(Context ctx) {
        LoginRequest request = CODEC.decode(ctx.body(), LoginRequest.class);
        User user = users.get(request.username());
        if (user == null || !user.password().equals(request.password())) {
            problem(ctx, Problem.unauthorized("wrong user name or password"));
            return;
        }
        String token = newToken(request.username());
        LoginResponse response = new LoginResponse(token, Instant.now().plus(tokenLifetime), user.role(),
                request.username(), user.workerSid());
        if (request.deviceId() != null) {
            response = response.withResume(resumeCredential(request.username(), request.deviceId()));
        }
        json(ctx, 200, CODEC.encode(response));
    }

    /** A resume credential for {@code identity} on {@code deviceId}, as a password sign-in from it would get. */
    public ResumeCredential resumeCredential(String identity, String deviceId) {
        String credential = "resume-" + identity + "-" + tokens.incrementAndGet();
        resumeCredentials.put(credential, identity + " " + deviceId);
        return new ResumeCredential(credential, Instant.now().plus(Duration.ofDays(30)));
    }

    private void resume(Context ctx) {
        ResumeRequest request = CODEC.decode(ctx.body(), ResumeRequest.class);
        String owner = resumeCredentials.remove(request.credential());
        if (owner == null || !owner.endsWith(" " + request.deviceId())) {
            problem(ctx, Problem.unauthorized("This saved sign-in is no longer valid"));
            return;
        }
        resumes.incrementAndGet();
        String identity = owner.substring(0, owner.indexOf(' '));
        User user = users.get(identity);
        json(ctx, 200, CODEC.encode(new LoginResponse(newToken(identity), Instant.now().plus(tokenLifetime), user.role(),
                identity, user.workerSid()).withResume(resumeCredential(identity, request.deviceId()))));
    }

    public int resumes() {
        return resumes.get();
    }

    public int signOuts() {
        return signOuts.get();
    }

    private void refresh(Context ctx) {
        String identity = identity(ctx);
        identityByToken.remove(bearer(ctx)); // rotation: the presented token stops working
        refreshes.incrementAndGet();
        json(ctx, 200, CODEC.encode(new RefreshResponse(newToken(identity), Instant.now().plus(tokenLifetime))));
    }

    private void command(Context ctx) throws InterruptedException {
        commandGate.pass();
        identity(ctx);
        ClientCommand command = CODEC.decode(ctx.body(), ClientCommand.class);
        if (refuseCommandsWith != null) {
            problem(ctx, refuseCommandsWith);
            return;
        }
        record(command);
        ctx.status(204);
    }

    /** As sync-server answers {@code POST /api/me/calls}: 202 with the call, or the scripted refusal. */
    private void placeCall(Context ctx) {
        identity(ctx);
        dev.lifeline.model.outbound.PlaceCall request = CODEC.decode(ctx.body(), dev.lifeline.model.outbound.PlaceCall.class);
        placedCalls.add(request.to());
        log.add("server:PlaceCall " + request.to());
        Problem refusal = refuseCallsWith;
        if (refusal != null) {
            problem(ctx, refusal);
            return;
        }
        json(ctx, 202, CODEC.encode(new dev.lifeline.model.outbound.CallPlaced("WT" + placedCalls.size(), "CF-out-"
                + placedCalls.size(), "CA-called-" + placedCalls.size())));
    }

    private void superviseCall(Context ctx, String route) {
        identity(ctx);
        String asked = route.substring(route.lastIndexOf('/') + 1) + " " + ctx.pathParam(DesktopApi.SID_PARAM);
        supervisedCalls.add(asked);
        log.add("server:" + asked);
        Problem refusal = refuseSupervisionWith;
        if (refusal != null) {
            problem(ctx, refusal);
        } else {
            ctx.status(202);
        }
    }

    /** Every listen, whisper, barge or leave from now on is refused with this problem (null: accepted again). */
    public void refuseSupervision(Problem problem) {
        refuseSupervisionWith = problem;
    }

    /** The supervisor's call routes the desktop asked, in order ("listen CF1", "whisper CF1", "leave CF1"). */
    public List<String> supervisedCalls() {
        return List.copyOf(supervisedCalls);
    }

    /** Every call placed from now on is refused with this problem (null: placed again). */
    public void refuseCalls(Problem problem) {
        refuseCallsWith = problem;
    }

    /** The numbers the desktop asked to call, in order. */
    public List<String> placedCalls() {
        return List.copyOf(placedCalls);
    }

    // --- callbacks (issue 20 item 6) -------------------------------------------------------------------------------

    private final List<CallbackView> callbacks = new CopyOnWriteArrayList<>();
    private final Map<String, String> callbackOwners = new ConcurrentHashMap<>();
    private final AtomicInteger queueCallbackReads = new AtomicInteger();
    private volatile Problem refuseCallbacksWith;

    /**
     * As the server: a body the model refuses (not E.164, an unknown zone, an unreadable time) or a time already past is
     * a 400 naming the field; a scripted refusal (outside business hours …) is answered as given; else 201, kept as
     * SCHEDULED for the caller.
     */
    private void scheduleCallback(Context ctx) {
        String identity = identity(ctx);
        ScheduleCallback request;
        try {
            request = CODEC.decode(ctx.body(), ScheduleCallback.class);
        } catch (dev.lifeline.model.codec.CodecException e) {
            problem(ctx, Problem.invalidBody(e));
            return;
        }
        Instant due = request.dueInstant(java.time.ZoneOffset.UTC);
        if (due.isBefore(Instant.now())) {
            problem(ctx, Problem.badRequest("dueAt", "is in the past (now is " + Instant.now() + ")"));
            return;
        }
        Problem refusal = refuseCallbacksWith;
        if (refusal != null) {
            problem(ctx, refusal);
            return;
        }
        CallbackView view = new CallbackView(java.util.UUID.randomUUID().toString(), request.number(), request.reason(),
                Instant.now(), due, request.zoneOr(java.time.ZoneOffset.UTC).getId(), 50, null, "SCHEDULED", List.of(), null);
        callbackOwners.put(view.id(), identity);
        callbacks.add(view);
        log.add("server:schedule callback " + request.number());
        json(ctx, 201, CODEC.encode(view));
    }

    /** Puts a callback in the queue's list (someone else's, or one in progress or failed). */
    public void queueCallback(CallbackView callback) {
        callbacks.add(callback);
    }

    /** Every callback scheduled from now on is refused with this problem (null: kept again). */
    public void refuseCallbacks(Problem problem) {
        refuseCallbacksWith = problem;
    }

    /** The callbacks kept, the desktop's and the scripted ones. */
    public List<CallbackView> callbacks() {
        return List.copyOf(callbacks);
    }

    /** How many times the queue's callbacks were read. */
    public int queueCallbackReads() {
        return queueCallbackReads.get();
    }

    private void record(ClientCommand command) {
        commands.add(command);
        log.add("server:" + command.getClass().getSimpleName());
        onCommand.accept(command);
    }

    private String newToken(String identity) {
        String token = "token-" + identity + "-" + tokens.incrementAndGet();
        identityByToken.put(token, identity);
        return token;
    }

    private static String bearer(Context ctx) {
        String header = ctx.header(DesktopApi.AUTHORIZATION_HEADER);
        return header == null ? "" : header.replace(DesktopApi.BEARER_PREFIX, "");
    }

    private String identity(Context ctx) {
        String identity = identityByToken.get(bearer(ctx));
        if (identity == null) {
            throw new io.javalin.http.UnauthorizedResponse("no or unknown token");
        }
        return identity;
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(CODEC.encode(problem));
    }

    private static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType("application/json").result(body);
    }

    @Override
    public void close() {
        app.stop();
    }

    /** Holds the requests of one kind on arrival until the action {@link #close()} returned runs. */
    private static final class Gate {
        private final AtomicInteger held = new AtomicInteger();
        private volatile CountDownLatch latch;

        Runnable close() {
            CountDownLatch closed = new CountDownLatch(1);
            latch = closed;
            return () -> {
                latch = null;
                closed.countDown();
            };
        }

        void pass() throws InterruptedException {
            CountDownLatch current = latch;
            if (current != null) {
                held.incrementAndGet();
                current.await();
            }
        }

        int held() {
            return held.get();
        }
    }
}
