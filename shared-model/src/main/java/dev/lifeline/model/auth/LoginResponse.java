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
 */
public record LoginResponse(String token, Instant expiresAt, Role role, String identity, String workerSid) {

    public LoginResponse {
        Require.text(token, "token");
        Require.present(expiresAt, "expiresAt");
        Require.present(role, "role");
        Require.text(identity, "identity");
        workerSid = role == Role.AGENT ? Require.text(workerSid, "workerSid")
                : Require.optionalText(workerSid, "workerSid");
    }

    /** Never prints the token: it is a credential until it expires. */
    @Override
    public String toString() {
        return "LoginResponse[token=***, expiresAt=" + expiresAt + ", role=" + role + ", identity=" + identity
                + ", workerSid=" + workerSid + "]";
    }
}
