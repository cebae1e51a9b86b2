package dev.lifeline.model.auth;

import dev.lifeline.model.validation.Require;
import java.time.Instant;

/**
 * Answer to {@code POST /api/events/ticket}: opens the events WebSocket once ({@code ?ticket=…}), until
 * {@code expiresAt} (a few seconds). It may end up in a proxy's log, where it is worthless once used.
 */
public record EventsTicket(String ticket, Instant expiresAt) {

    public EventsTicket {
        Require.text(ticket, "ticket");
        Require.present(expiresAt, "expiresAt");
    }

    /** Never prints the ticket: it is a credential until used. */
    @Override
    public String toString() {
        return "EventsTicket[ticket=***, expiresAt=" + expiresAt + "]";
    }
}
