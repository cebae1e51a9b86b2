package dev.lifeline.desktop.connection;

import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.auth.RefreshResponse;
import dev.lifeline.model.auth.Role;
import java.time.Instant;

/**
 * Who is signed in and the current bearer token. The token changes when it is refreshed; every request and
 * every (re)connect of the event stream reads it afresh, so a refresh needs no restart of anything.
 */
public final class Session {

    private final LoginResponse login;
    private volatile String token;
    private volatile Instant expiresAt;
    private volatile Instant sessionExpiresAt;

    public Session(LoginResponse login) {
        this.login = login;
        this.token = login.token();
        this.expiresAt = login.expiresAt();
        this.sessionExpiresAt = login.sessionExpiresAt();
    }

    public String token() {
        return token;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** When the session ends however often it is refreshed (sign in again then); null when the server sets no end. */
    public Instant sessionExpiresAt() {
        return sessionExpiresAt;
    }

    public void refreshed(RefreshResponse refresh) {
        this.token = refresh.token();
        this.expiresAt = refresh.expiresAt();
        if (refresh.sessionExpiresAt() != null) {
            this.sessionExpiresAt = refresh.sessionExpiresAt();
        }
    }

    /** True once the token lasts as long as the session: refreshing again would gain nothing. */
    public boolean tokenReachesSessionEnd() {
        Instant end = sessionExpiresAt;
        return end != null && !expiresAt.isBefore(end);
    }

    public Role role() {
        return login.role();
    }

    public String identity() {
        return login.identity();
    }

    /** The TaskRouter worker; {@code null} for a supervisor who takes no calls. */
    public String workerSid() {
        return login.workerSid();
    }

    @Override
    public String toString() {
        return "Session[identity=" + identity() + ", role=" + role() + "]";
    }
}
