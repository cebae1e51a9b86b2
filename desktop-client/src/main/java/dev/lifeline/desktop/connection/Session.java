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

    public Session(LoginResponse login) {
        this.login = login;
        this.token = login.token();
        this.expiresAt = login.expiresAt();
    }

    public String token() {
        return token;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public void refreshed(RefreshResponse refresh) {
        this.token = refresh.token();
        this.expiresAt = refresh.expiresAt();
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
