package dev.lifeline.server.auth;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.RefreshResponse;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.http.ApiProblem;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/login} and {@code POST /api/token/refresh}. */
public final class AuthRoutes {

    private static final Logger log = LoggerFactory.getLogger(AuthRoutes.class);

    private final UserDirectory users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final SessionAuthenticator authenticator;
    private final LoginThrottle throttle;
    private final Function<String, String> workerSidOf;

    /** @param workerSidOf identity → TaskRouter worker SID (null for supervisors who take no calls) */
    public AuthRoutes(UserDirectory users, PasswordHasher hasher, TokenService tokens, SessionAuthenticator authenticator,
                      LoginThrottle throttle, Function<String, String> workerSidOf) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.workerSidOf = workerSidOf;
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.post(DesktopApi.LOGIN, this::login);
        routes.post(DesktopApi.TOKEN_REFRESH, this::refresh);
    }

    private void login(Context ctx) {
        LoginRequest request = JsonCodec.shared().decode(ctx.body(), LoginRequest.class);
        Duration wait = throttle.tryAcquire(request.username() + "@" + ctx.ip());
        if (!wait.isZero()) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            throw new ApiProblem(new Problem(Problem.ABOUT_BLANK, "Too many requests", 429,
                    "Too many sign-in attempts; try again in " + Math.max(1, wait.toSeconds()) + " s", null, null));
        }
        User user = users.find(request.username())
                .filter(u -> hasher.matches(request.password().toCharArray(), u.passwordHash()))
                .orElseThrow(() -> {
                    log.info("failed sign-in for '{}' from {}", request.username(), ctx.ip());
                    return new ApiProblem(Problem.unauthorized("Wrong user name or password"));
                });
        TokenService.IssuedToken token = tokens.issue(user);
        log.info("{} signed in as {}", user.identity(), user.role());
        ctx.contentType("application/json").result(JsonCodec.shared().encode(new LoginResponse(token.token(), token.expiresAt(),
                dev.lifeline.model.auth.Role.valueOf(user.role().name()), user.identity(), workerSidOf.apply(user.identity()))));
    }

    private void refresh(Context ctx) {
        TokenService.Session session = authenticator.require(ctx);
        User user = users.find(session.identity())
                .orElseThrow(() -> new ApiProblem(Problem.unauthorized("This user no longer exists")));
        TokenService.IssuedToken token = tokens.issue(user);
        ctx.contentType("application/json").result(JsonCodec.shared().encode(new RefreshResponse(token.token(), token.expiresAt())));
    }
}
