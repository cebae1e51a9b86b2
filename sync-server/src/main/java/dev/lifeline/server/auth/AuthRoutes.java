package dev.lifeline.server.auth;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.EventsTicket;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.RefreshResponse;
import dev.lifeline.model.auth.ResumeRequest;
import dev.lifeline.model.auth.Role;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.auth.TokenService.IssuedToken;
import dev.lifeline.server.auth.TokenService.Session;
import dev.lifeline.server.http.ApiProblem;
import dev.lifeline.server.http.TooManyRequests;
import dev.lifeline.server.observability.LogSafe;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's life: {@code POST /api/login} (a new session, and a device-bound resume credential when the desktop
 * names its device), {@code /api/session/resume} (a new session for a resume credential, see
 * {@link DeviceCredentials}), {@code /api/token/refresh} (the next token of it; the presented one is retired),
 * {@code /api/logout} (the session ends everywhere), {@code /api/me/sign-out} (the same, and the device's resume
 * credentials are revoked) and {@code /api/events/ticket} (a one-time ticket for the events socket).
 */
public final class AuthRoutes {

    /** Longer passwords are refused before hashing: PBKDF2 over a huge one is work an attacker chooses. */
    static final int MAX_PASSWORD_LENGTH = 1024;
    private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);

    private final UserDirectory users;
    private final Credentials credentials;
    private final TokenService tokens;
    private final SessionAuthenticator authenticator;
    private final SessionRevocations revocations;
    private final SocketTickets tickets;
    private final LoginThrottle throttle;
    private final DeviceCredentials devices;
    private final Function<String, String> workerSidOf;

    /**
     * @param workerSidOf identity → TaskRouter worker SID (null for supervisors who take no calls)
     */
    public AuthRoutes(UserDirectory users, Credentials credentials, TokenService tokens, SessionAuthenticator authenticator,
                      SessionRevocations revocations, SocketTickets tickets, LoginThrottle throttle,
                      DeviceCredentials devices, Function<String, String> workerSidOf) {
        this.users = users;
        this.credentials = credentials;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.revocations = revocations;
        this.tickets = tickets;
        this.throttle = throttle;
        this.devices = devices;
        this.workerSidOf = workerSidOf;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(DesktopApi.LOGIN, this::login);
        routes.post(DesktopApi.TOKEN_REFRESH, this::refresh);
        routes.post(DesktopApi.LOGOUT, this::logout);
        routes.post(DesktopApi.RESUME, this::resume);
        routes.post(DesktopApi.SIGN_OUT, this::signOut);
        routes.post(DesktopApi.EVENTS_TICKET, this::ticket);
    }

    private void login(Context ctx) {
        LoginRequest request = JsonCodec.shared().decode(ctx.body(), LoginRequest.class);
        String identity = request.username();
        // Checked before anything is remembered or logged: a name no user can have costs no map entry, no log line.
        if (!User.isValidIdentity(identity)) {
            throw new ApiProblem(Problem.badRequest("username",
                    "no user has this name (user names are lowercase letters, digits, '.', '_' or '-', at most 64)"));
        }
        if (request.password().length() > MAX_PASSWORD_LENGTH) {
            throw new ApiProblem(Problem.badRequest("password", "at most " + MAX_PASSWORD_LENGTH + " characters"));
        }
        String deviceId = request.deviceId() == null ? null : DeviceCredentials.checkedDeviceId(request.deviceId());
        String address = ctx.ip();
        Duration wait = throttle.check(identity, address);
        if (!wait.isZero()) {
            throw TooManyRequests.refuse(ctx, wait, "sign-in attempts");
        }
        char[] password = request.password().toCharArray();
        Optional<User> checked;
        try {
            checked = credentials.check(identity, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (checked.isEmpty()) {
            int failures = throttle.failed(identity, address);
            log.info("failed sign-in for '{}' from {}", LogSafe.text(identity), LogSafe.text(address));
            if (failures == throttle.limits().perAccount()) {
                log.warn("sign-in for '{}' from {} held back for up to {} after {} failures", LogSafe.text(identity),
                        LogSafe.text(address), throttle.limits().window(), failures);
            }
            throw new ApiProblem(Problem.unauthorized("Wrong user name or password"));
        }
        throttle.succeeded(identity, address);
        User user = checked.get();
        NewSession session = newSession(user);
        log.info("{} signed in as {} from {}{}", user.identity(), user.role(), LogSafe.text(address),
                deviceId == null ? "" : " on device " + deviceId);
        LoginResponse response = session.response();
        if (deviceId != null) {
            response = response.withResume(devices.start(user.identity(), deviceId,
                    DeviceCredentials.checkedDeviceName(request.deviceName()), session.sessionId()));
        }
        json(ctx, response);
    }

    /** A new session for a device's resume credential: no password, the device's next credential in the answer. */
    private void resume(Context ctx) {
        ResumeRequest request = JsonCodec.shared().decode(ctx.body(), ResumeRequest.class);
        DeviceCredentials.Family family = devices.rotate(DeviceCredentials.checkedDeviceId(request.deviceId()),
                request.credential());
        User user = users.find(family.identity())
                .orElseThrow(() -> new ApiProblem(Problem.unauthorized("This user no longer exists")));
        NewSession session = newSession(user);
        log.info("{} signed in again by itself on device {} from {}", user.identity(), family.deviceId(),
                LogSafe.text(ctx.ip()));
        json(ctx, session.response().withResume(devices.resumed(family, session.sessionId())));
    }

    private record NewSession(LoginResponse response, String sessionId) {
    }

    private NewSession newSession(User user) {
        String workerSid = workerSidOf.apply(user.identity());
        if (user.role() == Role.AGENT && workerSid == null) {
            log.warn("sign-in refused for '{}': the agent has no TaskRouter worker", user.identity());
            throw new ApiProblem(Problem.forbidden("Your account has no TaskRouter worker yet, so you could not take calls. "
                    + "Ask an administrator to add a worker named '" + user.identity() + "'."));
        }
        IssuedToken token = tokens.issue(user);
        return new NewSession(new LoginResponse(token.token(), token.expiresAt(), user.role(), user.identity(), workerSid,
                token.session().sessionEnds()), token.session().sessionId());
    }

    /** Rotation: the presented token is retired; of two refreshes of one token (on any members) only one succeeds. */
    private void refresh(Context ctx) {
        Session session = authenticator.require(ctx);
        User user = users.find(session.identity())
                .orElseThrow(() -> new ApiProblem(Problem.unauthorized("This user no longer exists")));
        if (!revocations.retireToken(session)) {
            throw new ApiProblem(Problem.unauthorized("This token was already refreshed; use the newer one"));
        }
        IssuedToken token = tokens.next(session, user);
        json(ctx, new RefreshResponse(token.token(), token.expiresAt(), token.session().sessionEnds()));
    }

    private void logout(Context ctx) {
        Session session = authenticator.require(ctx);
        // A refresh racing on another member may have issued a token a moment ago: the ban outlives that one too.
        revocations.endSession(session, tokens.latestExpiryOfANewToken(session));
        log.info("{} signed out", session.identity());
        ctx.status(204);
    }

    /** The user's own sign-out: the session ends and the device it came from can no longer sign in by itself. */
    private void signOut(Context ctx) {
        Session session = authenticator.require(ctx);
        revocations.endSession(session, tokens.latestExpiryOfANewToken(session));
        devices.signOut(session.sessionId());
        log.info("{} signed out on this device", session.identity());
        ctx.status(204);
    }

    private void ticket(Context ctx) {
        String token = SessionAuthenticator.bearerToken(ctx);
        authenticator.authenticate(token);
        SocketTickets.Ticket ticket = tickets.issue(token);
        json(ctx, new EventsTicket(ticket.value(), ticket.expiresAt()));
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(JsonCodec.shared().encode(body));
    }
}
