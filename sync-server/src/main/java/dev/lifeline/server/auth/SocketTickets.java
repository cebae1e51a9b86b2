package dev.lifeline.server.auth;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One-time tickets for the events WebSocket. Browsers and OkHttp cannot always put a header on an upgrade, so the
 * socket's credential travels in the URL, where proxies log it; a ticket makes that harmless: it is asked for over
 * REST with the bearer token, works once, on any member (the tickets live in Hazelcast), and only for
 * {@value #TTL_SECONDS} s. The map is keyed by the ticket's SHA-256 (a listing of the map yields no usable ticket)
 * and holds the ticket's expiry and the bearer token it stands for, so redeeming runs the token's own checks again
 * and a ticket planted by hand without a signed token is worthless. The expiry is checked against the server's
 * clock like a token's; the map's time-to-live only clears unused tickets away.
 */
public final class SocketTickets {

    public static final String TICKETS = "auth-socket-tickets";
    public static final int TTL_SECONDS = 30;
    private static final int TICKET_BYTES = 32;
    private static final int TICKET_CHARS = 43; // 32 bytes in unpadded base64url
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IMap<String, String> tickets;
    private final Clock clock;

    public SocketTickets(HazelcastInstance hazelcast, Clock clock) {
        this.tickets = hazelcast.getMap(TICKETS);
        this.clock = clock;
    }

    public record Ticket(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Ticket[expiresAt=" + expiresAt + "]";
        }
    }

    /** A new ticket standing for {@code bearerToken} (already verified by the caller). */
    public Ticket issue(String bearerToken) {
        byte[] bytes = new byte[TICKET_BYTES];
        RANDOM.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(Duration.ofSeconds(TTL_SECONDS));
        tickets.set(key(ticket), expires.toEpochMilli() + " " + bearerToken, TTL_SECONDS, TimeUnit.SECONDS);
        return new Ticket(ticket, expires);
    }

    /** @return the bearer token the ticket stood for, once; empty for an unknown, used or expired ticket */
    public Optional<String> redeem(String ticket) {
        if (ticket == null || ticket.length() != TICKET_CHARS) {
            return Optional.empty();
        }
        String entry = tickets.remove(key(ticket));
        int space = entry == null ? -1 : entry.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        try {
            Instant expires = Instant.ofEpochMilli(Long.parseLong(entry.substring(0, space)));
            return clock.instant().isBefore(expires) ? Optional.of(entry.substring(space + 1)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String key(String ticket) {
        return Sha256.hex(ticket);
    }
}
