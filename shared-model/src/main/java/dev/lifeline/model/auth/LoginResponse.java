package dev.lifeline.model.auth;

import dev.lifeline.model.validation.Require;
import java.time.Instant;

/**
 * Answer to a successful login.
 *
 * @param token     the short-lived signed bearer token for REST ({@code Authorization: Bearer …}) and the
 *                  WebSocket ({@code ?token=…})
 * @param expiresAt when the token stops being accepted; refresh before then
 * @param role      agent or supervisor
 * @param identity  the login identity (also the softphone identity)
 * @param workerSid the user's TaskRouter worker; required for agents, optional for supervisors who take no calls
 * @param sessionExpiresAt when the session ends however often the token is refreshed (sign in again then);
 *                  null from a server that sets no maximum session age
 * @param resume    the device-bound credential to sign in again without a password (see {@code DesktopApi.RESUME});
 *                  null when the request named no device
 */
public record LoginResponse(String token, Instant expiresAt, Role role, String identity, String workerSid,
                            Instant sessionExpiresAt, ResumeCredential resume) {

    public LoginResponse {
        Require.text(token, "token");
        Require.present(expiresAt, "expiresAt");
        Require.present(role, "role");
        Require.text(identity, "identity");
        workerSid = role == Role.AGENT ? Require.text(workerSid, "workerSid")
                : Require.optionalText(workerSid, "workerSid");
    }

    /** Without a resume credential (the request named no device). */
    public LoginResponse(String token, Instant expiresAt, Role role, String identity, String workerSid,
                         Instant sessionExpiresAt) {
        this(token, expiresAt, role, identity, workerSid, sessionExpiresAt, null);
    }

    /** The same answer carrying {@code next} as its resume credential. */
    public LoginResponse withResume(ResumeCredential next) {
        return new LoginResponse(token, expiresAt, role, identity, workerSid, sessionExpiresAt, next);
    }

    /** Without a session end (a server that does not cap sessions). */
    public LoginResponse(String token, Instant expiresAt, Role role, String identity, String workerSid) {
        this(token, expiresAt, role, identity, workerSid, null, null);
    }

    /** Never prints the token: it is a credential until it expires. */
    @Override
    public String toString() {
        return "LoginResponse[token=***, expiresAt=" + expiresAt + ", role=" + role + ", identity=" + identity
                + ", workerSid=" + workerSid + ", sessionExpiresAt=" + sessionExpiresAt + ", resume=" + resume + "]";
    }
}
