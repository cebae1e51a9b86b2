package dev.lifeline.desktop.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the session token before it expires: at three quarters of its remaining life (at most a minute
 * before the end), again after a failure, and at once when the server says {@code session-expiring}. Each refresh
 * retires the old token on the server. Once a token lasts until the session's maximum age, there is nothing left to
 * gain and no refresh is scheduled: the session ends then, and the desktop asks the agent to sign in again.
 */
public final class TokenRefresher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TokenRefresher.class);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration LATEST_MARGIN = Duration.ofMinutes(1);

    private final RestClient rest;
    private final Session session;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private ScheduledFuture<?> next;
    private boolean closed;

    public TokenRefresher(RestClient rest, Session session, ScheduledExecutorService timer, Clock clock) {
        this.rest = rest;
        this.session = session;
        this.timer = timer;
        this.clock = clock;
    }

    public synchronized void start() {
        scheduleNext();
    }

    private synchronized void scheduleNext() {
        if (session.tokenReachesSessionEnd()) {
            log.info("the session ends at {}; no further refresh", session.sessionExpiresAt());
            return;
        }
        schedule(delayUntilRefresh(clock.instant(), session.expiresAt()));
    }

    /** When to refresh a token expiring at {@code expiresAt}, seen at {@code now}. */
    static Duration delayUntilRefresh(Instant now, Instant expiresAt) {
        Duration left = Duration.between(now, expiresAt);
        if (left.isNegative() || left.isZero()) {
            return Duration.ZERO;
        }
        Duration threeQuarters = left.multipliedBy(3).dividedBy(4);
        Duration beforeMargin = left.minus(LATEST_MARGIN);
        return beforeMargin.compareTo(threeQuarters) < 0 && !beforeMargin.isNegative() ? beforeMargin : threeQuarters;
    }

    /** The server warned that the token expires soon. */
    public synchronized void refreshNow() {
        if (!session.tokenReachesSessionEnd()) {
            schedule(Duration.ZERO);
        }
    }

    private synchronized void schedule(Duration delay) {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = timer.schedule(this::refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        rest.refreshToken().whenComplete((fresh, failure) -> {
            if (failure == null) {
                session.refreshed(fresh);
                log.info("session token refreshed; valid until {}", fresh.expiresAt());
                scheduleNext();
            } else if (clock.instant().isBefore(session.expiresAt())) {
                log.info("token refresh failed ({}); retrying", failure.getMessage());
                schedule(RETRY);
            } else {
                log.warn("session token expired and could not be refreshed: {}", failure.getMessage());
            }
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
