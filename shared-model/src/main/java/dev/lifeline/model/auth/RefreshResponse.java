package dev.lifeline.model.auth;

import dev.lifeline.model.validation.Require;
import java.time.Instant;

/**
 * Answer to {@code POST /api/token/refresh}: a fresh token replacing the one presented, which stops working.
 *
 * @param sessionExpiresAt when the session ends however often it is refreshed; null from a server without a cap
 */
public record RefreshResponse(String token, Instant expiresAt, Instant sessionExpiresAt) {

    public RefreshResponse {
        Require.text(token, "token");
        Require.present(expiresAt, "expiresAt");
    }

    public RefreshResponse(String token, Instant expiresAt) {
        this(token, expiresAt, null);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "RefreshResponse[token=***, expiresAt=" + expiresAt + ", sessionExpiresAt=" + sessionExpiresAt + "]";
    }
}
