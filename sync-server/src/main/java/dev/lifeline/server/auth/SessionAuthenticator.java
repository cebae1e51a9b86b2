package dev.lifeline.server.auth;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.auth.TokenService.Session;
import dev.lifeline.server.http.ApiProblem;
import io.javalin.http.Context;
import java.util.Optional;

/** Turns the bearer token of a desktop request into a {@link Session}, or answers 401/403. */
public final class SessionAuthenticator {

    private final TokenService tokens;

    public SessionAuthenticator(TokenService tokens) {
        this.tokens = tokens;
    }

    public Session require(Context ctx) {
        String header = ctx.header(DesktopApi.AUTHORIZATION_HEADER);
        if (header == null || !header.startsWith(DesktopApi.BEARER_PREFIX)) {
            throw new ApiProblem(Problem.unauthorized("Sign in first: the request has no bearer token"));
        }
        return tokens.verify(header.substring(DesktopApi.BEARER_PREFIX.length()).trim())
                .orElseThrow(() -> new ApiProblem(Problem.unauthorized("The session token is invalid or has expired")));
    }

    public Session requireSupervisor(Context ctx) {
        Session session = require(ctx);
        if (!session.isSupervisor()) {
            throw new ApiProblem(Problem.forbidden("Only supervisors may do this"));
        }
        return session;
    }

    /** For the WebSocket upgrade, where the token travels as a query parameter. */
    public Optional<Session> fromQueryToken(String token) {
        return tokens.verify(token);
    }
}
