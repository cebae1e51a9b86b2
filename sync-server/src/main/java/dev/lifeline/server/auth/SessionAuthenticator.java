package dev.lifeline.server.auth;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.problem.Problem;
import dev.lifeline.server.auth.TokenService.Session;
import dev.lifeline.server.http.ApiProblem;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Turns the bearer token of a desktop request into a {@link Session}, or answers 401/403: the token must be well
 * signed and unexpired ({@link TokenService}) and neither retired by a refresh nor ended by a logout
 * ({@link SessionRevocations}). The events socket presents a one-time {@link SocketTickets ticket} instead.
 */
public final class SessionAuthenticator {

    private final TokenService tokens;
    private final SessionRevocations revocations;
    private final SocketTickets tickets;

    public SessionAuthenticator(TokenService tokens, SessionRevocations revocations, SocketTickets tickets) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.tickets = tickets;
    }

    public Session require(Context ctx) {
        return authenticate(bearerToken(ctx));
    }

    /** The session and the very token that proved it (a ticket stands for that token). */
    public Session authenticate(String token) {
        return verified(token)
                .orElseThrow(() -> new ApiProblem(Problem.unauthorized("The session token is invalid, has expired or was signed out")));
    }

    public Session requireSupervisor(Context ctx) {
        Session session = require(ctx);
        if (!session.isSupervisor()) {
            throw new ApiProblem(Problem.forbidden("Only supervisors may do this"));
        }
        return session;
    }

    /** The request's bearer token as sent; 401 when there is none. */
    public static String bearerToken(Context ctx) {
        String header = ctx.header(DesktopApi.AUTHORIZATION_HEADER);
        if (header == null || !header.startsWith(DesktopApi.BEARER_PREFIX)) {
            throw new ApiProblem(Problem.unauthorized("Sign in first: the request has no bearer token"));
        }
        return header.substring(DesktopApi.BEARER_PREFIX.length()).trim();
    }

    /**
     * Who signed a token, checking the signature and expiry only (no cluster lookup): enough to charge a request to
     * an identity's rate budget, never enough to let it through.
     */
    public Optional<String> signedIdentity(String token) {
        return tokens.verify(token).map(Session::identity);
    }

    /** For the WebSocket upgrade: the session a one-time ticket stands for; empty when used, expired or unknown. */
    public Optional<Session> redeemTicket(String ticket) {
        return tickets.redeem(ticket).flatMap(this::verified);
    }

    /** Every session ended by a logout anywhere in the cluster, by session id (so sockets of it can be closed). */
    public UUID onSessionEnded(Consumer<String> sessionId) {
        return revocations.onSessionEnded(sessionId);
    }

    public void removeListener(UUID registration) {
        revocations.removeListener(registration);
    }

    private Optional<Session> verified(String token) {
        return tokens.verify(token).filter(session -> !revocations.isRevoked(session));
    }
}
