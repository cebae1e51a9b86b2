package dev.lifeline.model.event;

import dev.lifeline.model.validation.Require;
import java.time.Instant;

/** {@code session-expiring}: the token behind this socket expires soon; refresh it ({@code POST /api/token/refresh}). */
public record SessionExpiring(Instant expiresAt) implements ServerEvent {

    public SessionExpiring {
        Require.present(expiresAt, "expiresAt");
    }
}
