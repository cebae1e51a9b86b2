package dev.lifeline.server.auth;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import dev.lifeline.server.auth.TokenService.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tokens and sessions that must no longer be accepted although their signature is good, kept in Hazelcast so that
 * every member honours a logout or a refresh done on another. Two lists: token ids retired by a refresh (rotation:
 * the old token stops working once refreshed) and session ids ended by a logout (every token of the session stops).
 * Each entry expires when the last token it stands for would have expired anyway, so the lists hold only live
 * tokens' worth of entries. Values are plain {@code Long}s (epoch seconds): nothing of ours crosses the wire.
 */
public final class SessionRevocations {

    /** Token id → its expiry, for tokens retired by a refresh. */
    public static final String REVOKED_TOKENS = "auth-revoked-tokens";
    /** Session id → the latest expiry any of its tokens can have, for sessions ended by a logout. */
    public static final String ENDED_SESSIONS = "auth-ended-sessions";
    /** Clock skew between members: an entry outlives its token by this much. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final IMap<String, Long> revokedTokens;
    private final IMap<String, Long> endedSessions;
    private final Clock clock;

    public SessionRevocations(HazelcastInstance hazelcast, Clock clock) {
        this.revokedTokens = hazelcast.getMap(REVOKED_TOKENS);
        this.endedSessions = hazelcast.getMap(ENDED_SESSIONS);
        this.clock = clock;
    }

    /**
     * Retires one token (it was refreshed). Atomic across the cluster: of two refreshes of the same token, racing on
     * two members, exactly one gets {@code true}, so a token is exchanged for a new one at most once.
     *
     * @return true if this call retired it, false if it was retired already
     */
    public boolean retireToken(Session session) {
        return revokedTokens.putIfAbsent(session.tokenId(), session.expiresAt().getEpochSecond(),
                ttlUntil(session.expiresAt()), TimeUnit.MILLISECONDS) == null;
    }

    /**
     * Ends a whole session (logout). {@code latestExpiry} is the latest expiry a token of the session may have, e.g.
     * one refreshed on another member a moment before: the entry lives until then.
     */
    public void endSession(Session session, Instant latestExpiry) {
        endSession(session.sessionId(), latestExpiry);
    }

    /** Ends the session {@code sessionId} (a revoked device's), as {@link #endSession(Session, Instant)}. */
    public void endSession(String sessionId, Instant latestExpiry) {
        endedSessions.set(sessionId, latestExpiry.getEpochSecond(), ttlUntil(latestExpiry), TimeUnit.MILLISECONDS);
    }

    public boolean isRevoked(Session session) {
        return endedSessions.containsKey(session.sessionId()) || revokedTokens.containsKey(session.tokenId());
    }

    /** Calls {@code listener} with the session id of every session ended anywhere in the cluster, on this member. */
    public UUID onSessionEnded(Consumer<String> listener) {
        return endedSessions.addEntryListener((EntryAddedListener<String, Long>) event -> listener.accept(event.getKey()),
                false);
    }

    public void removeListener(UUID registration) {
        endedSessions.removeEntryListener(registration);
    }

    private long ttlUntil(Instant expiry) {
        return Math.max(1, Duration.between(clock.instant(), expiry).plus(SLACK).toMillis());
    }
}
