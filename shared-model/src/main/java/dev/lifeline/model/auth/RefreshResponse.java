package dev.lifeline.model.auth;

import dev.lifeline.model.validation.Require;
import java.time.Instant;

/** Answer to {@code POST /api/token/refresh}: a fresh token replacing the one presented. */
public record RefreshResponse(String token, Instant expiresAt) {

    public RefreshResponse {
        Require.text(token, "token");
        Require.present(expiresAt, "expiresAt");
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "RefreshResponse[token=***, expiresAt=" + expiresAt + "]";
    }
}
