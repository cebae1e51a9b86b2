package dev.lifeline.desktop.connection;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.EventsTicket;
import dev.lifeline.model.auth.DeviceList;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.ResumeRequest;
import dev.lifeline.model.auth.RevokeDevice;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.RefreshResponse;
import dev.lifeline.model.codec.CodecException;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.ClientCommand;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.model.queue.QueueSnapshot;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST half of {@link DesktopApi}, asynchronous (OkHttp's own threads; nothing here blocks the FX thread).
 * Every future fails with a {@link LoginFailure} (login) or a {@link ServerProblem} (everything else) whose
 * message is a sentence for the agent.
 */
public final class RestClient implements CommandSender {

    private static final Logger log = LoggerFactory.getLogger(RestClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final JsonCodec CODEC = JsonCodec.shared();

    private final OkHttpClient http;
    private final ServerAddress server;
    private volatile Session session;

    public RestClient(OkHttpClient http, ServerAddress server) {
        this.http = http;
        this.server = server;
    }

    public ServerAddress server() {
        return server;
    }

    /** Set after login: from then on every request carries its (current) token. */
    public void session(Session session) {
        this.session = session;
    }

    public CompletableFuture<LoginResponse> login(LoginRequest credentials) {
        return signIn(DesktopApi.LOGIN, CODEC.encode(credentials), "Wrong user name or password.");
    }

    /**
     * A new session for a saved resume credential; a refusal (signed out, revoked, expired, replayed) fails with a
     * {@link LoginFailure} of kind {@code WRONG_CREDENTIALS}, and the saved credential is then worthless.
     */
    public CompletableFuture<LoginResponse> resume(ResumeRequest saved) {
        return signIn(DesktopApi.RESUME, CODEC.encode(saved),
                "Your saved sign-in is no longer valid (signed out, revoked by a supervisor, or expired). "
                        + "Sign in with your password.");
    }

    private CompletableFuture<LoginResponse> signIn(String path, String body, String refused) {
        Request request = new Request.Builder().url(server.http(path))
                .post(RequestBody.create(body, JSON)).build();
        CompletableFuture<LoginResponse> result = new CompletableFuture<>();
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                result.completeExceptionally(describeLoginFailure(e));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    String body = bodyOf(response);
                    if (response.isSuccessful()) {
                        result.complete(CODEC.decode(body, LoginResponse.class));
                    } else if (response.code() == 401) {
                        result.completeExceptionally(new LoginFailure(LoginFailure.Kind.WRONG_CREDENTIALS, refused));
                    } else if (response.code() < 500) {
                        result.completeExceptionally(new LoginFailure(LoginFailure.Kind.REFUSED,
                                "The server refused the sign-in: " + problemText(response.code(), body)));
                    } else {
                        result.completeExceptionally(new LoginFailure(LoginFailure.Kind.SERVER_ERROR,
                                "The server could not sign you in (HTTP " + response.code() + "). Try again shortly."));
                    }
                } catch (IOException e) {
                    result.completeExceptionally(describeLoginFailure(e));
                } catch (CodecException e) {
                    log.warn("login answer not understood: {}", e.getMessage());
                    result.completeExceptionally(new LoginFailure(LoginFailure.Kind.SERVER_ERROR,
                            "The server's answer was not understood; is " + server.display() + " a Lifeline server?"));
                }
            }
        });
        return result;
    }

    /** The next token; the server retires the one presented, so only one refresh of a token may be in flight. */
    public CompletableFuture<RefreshResponse> refreshToken() {
        return call(authorized(DesktopApi.TOKEN_REFRESH).post(RequestBody.create(new byte[0], null)).build())
                .thenApply(body -> CODEC.decode(body, RefreshResponse.class));
    }

    /** A one-time ticket to open the events socket with: the token itself never goes into a URL. */
    public CompletableFuture<String> eventsTicket() {
        return call(authorized(DesktopApi.EVENTS_TICKET).post(RequestBody.create(new byte[0], null)).build())
                .thenApply(body -> CODEC.decode(body, EventsTicket.class).ticket());
    }

    /** Ends the session on the server (every member); best effort: a failure leaves a token that expires soon anyway. */
    public CompletableFuture<Void> logout() {
        return call(authorized(DesktopApi.LOGOUT).post(RequestBody.create(new byte[0], null)).build()).thenApply(body -> null);
    }

    /** The user's own sign-out: ends the session and revokes this device's saved sign-in on the server. */
    public CompletableFuture<Void> signOut() {
        return call(authorized(DesktopApi.SIGN_OUT).post(RequestBody.create(new byte[0], null)).build()).thenApply(body -> null);
    }

    /** The devices on which {@code agent} may sign in again by itself (supervisors only). */
    public CompletableFuture<DeviceList> agentDevices(String agent) {
        return call(authorized(DesktopApi.path(DesktopApi.AGENT_DEVICES, agent)).get().build())
                .thenApply(body -> CODEC.decode(body, DeviceList.class));
    }

    /** Revokes {@code agent}'s device: its saved sign-in stops working and its sessions end (supervisors only). */
    public CompletableFuture<Void> revokeDevice(String agent, String deviceId) {
        return call(authorized(DesktopApi.path(DesktopApi.REVOKE_AGENT_DEVICE, agent))
                .post(RequestBody.create(CODEC.encode(new RevokeDevice(deviceId)), JSON)).build()).thenApply(body -> null);
    }

    public CompletableFuture<StateSnapshot> myState() {
        return call(authorized(DesktopApi.MY_STATE).get().build())
                .thenApply(body -> CODEC.decode(body, StateSnapshot.class));
    }

    /**
     * A resource the server may not serve: empty when it answers 404. For paths outside {@code DesktopApi}, such as the
     * softphone the server offers (sync-server's {@code SoftphoneConfig.PATH} while shared-model is frozen); taking the
     * type keeps the network layer free of the features that read it.
     */
    public <T> CompletableFuture<Optional<T>> fetchIfServed(String path, Class<T> type) {
        return call(authorized(path).get().build())
                .thenApply(body -> Optional.of(CODEC.decode(body, type)))
                .exceptionally(failure -> {
                    if (unwrap(failure) instanceof ServerProblem problem && problem.status() == 404) {
                        return Optional.empty();
                    }
                    throw failure instanceof RuntimeException runtime ? runtime : new java.util.concurrent.CompletionException(failure);
                });
    }

    /** The signed-in agent calls {@code to} (E.164); fails with the server's {@link ServerProblem} when refused. */
    public CompletableFuture<dev.lifeline.model.outbound.CallPlaced> placeCall(String to) {
        Request request = authorized(DesktopApi.MY_CALLS)
                .post(RequestBody.create(CODEC.encode(new dev.lifeline.model.outbound.PlaceCall(to)), JSON)).build();
        log.info("place an outbound call");
        return call(request).thenApply(body -> CODEC.decode(body, dev.lifeline.model.outbound.CallPlaced.class));
    }

    /**
     * A supervisor's call route ({@code DesktopApi.LISTEN}, {@code WHISPER}, {@code BARGE}, {@code LEAVE_CALL}) for the
     * call in {@code conferenceSid}; fails with the server's {@link ServerProblem} when refused.
     */
    public CompletableFuture<Void> superviseCall(String route, String conferenceSid) {
        return call(authorized(DesktopApi.path(route, conferenceSid)).post(RequestBody.create(new byte[0], null)).build())
                .thenApply(body -> null);
    }

    /** Issue 20 item 6: the callbacks this agent scheduled ({@code /api/me/callbacks}). */
    public CompletableFuture<dev.lifeline.model.callbacks.CallbackList> myCallbacks() {
        return call(authorized(DesktopApi.MY_CALLBACKS).get().build())
                .thenApply(body -> CODEC.decode(body, dev.lifeline.model.callbacks.CallbackList.class));
    }

    /** The queue's open and failed callbacks ({@code /api/callbacks}), for agents and supervisors. */
    public CompletableFuture<dev.lifeline.model.callbacks.CallbackList> queueCallbacks() {
        return call(authorized(DesktopApi.QUEUE_CALLBACKS).get().build())
                .thenApply(body -> CODEC.decode(body, dev.lifeline.model.callbacks.CallbackList.class));
    }

    /**
     * Schedules a callback as typed: the fields go to the server unchecked, so a bad one comes back as the server's own
     * problem sentence (a {@link ServerProblem}), the same words the website API gets.
     */
    public CompletableFuture<dev.lifeline.model.callbacks.CallbackView> scheduleCallback(java.util.Map<String, String> fields) {
        return call(authorized(DesktopApi.MY_CALLBACKS).post(RequestBody.create(CODEC.encode(fields), JSON)).build())
                .thenApply(body -> CODEC.decode(body, dev.lifeline.model.callbacks.CallbackView.class));
    }

    public CompletableFuture<QueueSnapshot> supervisorSnapshot() {
        return call(authorized(DesktopApi.SUPERVISOR_SNAPSHOT).get().build())
                .thenApply(body -> CODEC.decode(body, QueueSnapshot.class));
    }

    @Override
    public CompletableFuture<Void> send(ClientCommand command) {
        Request request = authorized(CommandRoutes.pathOf(command))
                .post(RequestBody.create(CODEC.encode(command), JSON)).build();
        log.info("command {}", command.getClass().getSimpleName());
        return call(request).thenApply(body -> null);
    }

    private Request.Builder authorized(String path) {
        Session current = session;
        if (current == null) {
            throw new IllegalStateException("not signed in");
        }
        return new Request.Builder().url(server.http(path))
                .header(DesktopApi.AUTHORIZATION_HEADER, DesktopApi.BEARER_PREFIX + current.token());
    }

    /**
     * Sends a request; a 401 for a token that was refreshed while the request was on its way (the server retires a
     * refreshed token at once) is sent again, once, with the new token.
     */
    private CompletableFuture<String> call(Request request) {
        String sentWith = request.header(DesktopApi.AUTHORIZATION_HEADER);
        return send(request).exceptionallyCompose(failure -> {
            Throwable cause = unwrap(failure);
            Session current = session;
            String now = current == null ? null : DesktopApi.BEARER_PREFIX + current.token();
            if (cause instanceof ServerProblem problem && problem.status() == 401 && sentWith != null && now != null
                    && !now.equals(sentWith)) {
                log.info("{} {} crossed a token refresh; sending it again", request.method(), request.url().encodedPath());
                return send(request.newBuilder().header(DesktopApi.AUTHORIZATION_HEADER, now).build());
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    private CompletableFuture<String> send(Request request) {
        CompletableFuture<String> result = new CompletableFuture<>();
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                log.info("{} {} failed: {}", request.method(), request.url().encodedPath(), e.toString());
                result.completeExceptionally(ServerProblem.unreachable(server));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    String body = bodyOf(response);
                    if (response.isSuccessful()) {
                        result.complete(body);
                    } else {
                        log.info("{} {} answered {}", request.method(), request.url().encodedPath(), response.code());
                        result.completeExceptionally(new ServerProblem(response.code(), problemText(response.code(), body)));
                    }
                } catch (IOException e) {
                    result.completeExceptionally(ServerProblem.unreachable(server));
                }
            }
        });
        return result;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String bodyOf(Response response) throws IOException {
        ResponseBody body = response.body();
        return body == null ? "" : body.string();
    }

    /** The problem's own sentence when the server sent one, else the bare status. */
    private static String problemText(int status, String body) {
        try {
            Problem problem = CODEC.decode(body, Problem.class);
            return problem.detail() != null ? problem.detail() : problem.title();
        } catch (CodecException notAProblem) {
            return "HTTP " + status;
        }
    }

    private LoginFailure describeLoginFailure(IOException e) {
        log.info("login to {} failed: {}", server.display(), e.toString());
        if (e instanceof SSLException) {
            return new LoginFailure(LoginFailure.Kind.TLS, "A secure connection to " + server.display()
                    + " could not be set up (its certificate is not trusted, or it does not speak HTTPS).");
        }
        if (e instanceof UnknownHostException) {
            return new LoginFailure(LoginFailure.Kind.UNREACHABLE,
                    "The server " + server.display() + " was not found. Check the address.");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof SocketTimeoutException) {
            return new LoginFailure(LoginFailure.Kind.UNREACHABLE, "The server at " + server.display()
                    + " cannot be reached. Check the address and your network.");
        }
        return new LoginFailure(LoginFailure.Kind.UNREACHABLE,
                "The connection to " + server.display() + " failed. Check the address and your network.");
    }
}
