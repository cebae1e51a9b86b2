package dev.lifeline.model.api;

import java.nio.charset.StandardCharsets;

/**
 * The HTTP surface the server serves and the desktop calls. Templates use Javalin's {@code {name}} path-parameter
 * syntax, so the server registers them as they are; the desktop fills them with {@link #path(String, String)}.
 *
 * <p>Every request except {@link #LOGIN} and {@link #RESUME} carries {@code Authorization: Bearer <token>}. The WebSocket, which
 * browsers and OkHttp cannot always give headers, takes a one-time {@link #EVENTS_TICKET ticket} as the
 * {@value #TICKET_PARAM} query parameter instead of the token, so no credential that still works is left in a
 * proxy's access log.
 * Command bodies are the matching {@code ClientCommand} record; errors are a {@code Problem}
 * ({@code application/problem+json}).
 */
public final class DesktopApi {

    /** Path parameter holding a TaskRouter/Voice SID. */
    public static final String SID_PARAM = "sid";
    /** Path parameter holding an incident id. */
    public static final String ID_PARAM = "id";
    /** Query parameter carrying the one-time ticket on the WebSocket upgrade. */
    public static final String TICKET_PARAM = "ticket";
    public static final String AUTHORIZATION_HEADER = "Authorization";
    public static final String BEARER_PREFIX = "Bearer ";

    /** POST {@code LoginRequest} → {@code LoginResponse}; 401 {@code Problem} on bad credentials. */
    public static final String LOGIN = "/api/login";
    /**
     * POST (no body) → {@code RefreshResponse}, for a token that has not expired yet. The presented token stops
     * working (rotation), and the new one never outlives the session's maximum age ({@code sessionExpiresAt}).
     */
    public static final String TOKEN_REFRESH = "/api/token/refresh";
    /** POST (no body) → 204: ends the session; its tokens, and its sockets, stop working on every server. */
    public static final String LOGOUT = "/api/logout";
    /**
     * POST {@code ResumeRequest} (no bearer token) → {@code LoginResponse} carrying the next {@code ResumeCredential}:
     * a new session without a password, for the device the presented credential was issued to. The presented
     * credential is retired; presenting a retired one again revokes the device's whole chain and ends its sessions.
     * 401 {@code Problem} for an unknown, expired, revoked or replayed credential or another device's.
     */
    public static final String RESUME = "/api/session/resume";
    /**
     * POST (no body) → 204: the user's own "Sign out" on this computer: ends the session like {@link #LOGOUT} and
     * revokes the device's resume credentials, so the next start asks for the password.
     */
    public static final String SIGN_OUT = "/api/me/sign-out";
    /** GET → {@code DeviceList}: the caller's own devices that may sign in again without a password. */
    public static final String MY_DEVICES = "/api/me/devices";
    /** GET → {@code DeviceList} of the agent {@code {id}}; supervisors only (403 otherwise). */
    public static final String AGENT_DEVICES = "/api/supervisor/agents/{id}/devices";
    /**
     * POST {@code RevokeDevice} → 204: the agent {@code {id}}'s device can no longer sign in by itself and its sessions
     * end; supervisors only (403 otherwise), 404 when the agent has no such device.
     */
    public static final String REVOKE_AGENT_DEVICE = "/api/supervisor/agents/{id}/devices/revoke";
    /** POST (no body) → {@code EventsTicket}: a one-time, short-lived ticket to open {@link #EVENTS} with. */
    public static final String EVENTS_TICKET = "/api/events/ticket";

    /** GET → {@code StateSnapshot}: the agent's whole state (same as the first WebSocket event). */
    public static final String MY_STATE = "/api/me/state";
    /**
     * GET → {@code SoftphoneAccount}: the signed-in agent's own SIP account (never another agent's); 404
     * {@code Problem} when the server has none for this agent (a supervisor without a phone).
     */
    public static final String MY_SOFTPHONE = "/api/me/softphone";
    /** POST {@code SetActivity} → 204. */
    public static final String MY_ACTIVITY = "/api/me/activity";

    /** POST {@code AcceptReservation} → 204. */
    public static final String ACCEPT_RESERVATION = "/api/reservations/{sid}/accept";
    /** POST {@code RejectReservation} → 204. */
    public static final String REJECT_RESERVATION = "/api/reservations/{sid}/reject";

    /** POST {@code WrapUpTask} → 204; 409 while a recovery is open for the task. */
    public static final String WRAP_UP_TASK = "/api/tasks/{sid}/wrap-up";
    /** POST {@code CompleteTask} → 204; 409 while a recovery is open for the task. */
    public static final String COMPLETE_TASK = "/api/tasks/{sid}/complete";

    /** POST {@code HangUp} → 204. */
    public static final String HANG_UP = "/api/conferences/{sid}/hangup";
    /** POST {@code HoldParticipant} → 204. */
    public static final String HOLD = "/api/conferences/{sid}/hold";
    /** POST {@code UnholdParticipant} → 204. */
    public static final String UNHOLD = "/api/conferences/{sid}/unhold";
    /** POST {@code MuteParticipant} → 204. */
    public static final String MUTE = "/api/conferences/{sid}/mute";

    /** POST {@code CancelIncident} → 204; supervisors only (403 otherwise). */
    public static final String CANCEL_INCIDENT = "/api/incidents/{id}/cancel";
    /** POST {@code PhoneReady} → 204: the incident's own agent is back, phone registered; 404 for anyone else. */
    public static final String PHONE_READY = "/api/incidents/{id}/phone-ready";
    /** GET → {@code QueueSnapshot}; supervisors only. */
    public static final String SUPERVISOR_SNAPSHOT = "/api/supervisor/snapshot";

    /**
     * WebSocket: {@code ws(s)://host/api/events?ticket=…} (a ticket works once). The server sends {@code ServerEvent}s (a
     * {@code snapshot} first); the desktop sends {@code Heartbeat}s and may send other {@code ClientCommand}s.
     */
    public static final String EVENTS = "/api/events";

    /**
     * POST {@code PlaceCall} → 202 {@code CallPlaced}: the signed-in agent calls a number (agents only). 400 for a
     * number that is not E.164, 403 without a TaskRouter worker (a supervisor), 409 when the agent is not Available,
     * already has a call or task, has no softphone, or the server has no caller ID ({@code outbound.caller-id}).
     */
    public static final String MY_CALLS = "/api/me/calls";

    /**
     * POST {@code LegAbandoned} → 204: the previous desktop process of the signed-in agent died holding this call leg;
     * the server ends it as a drop. 404 when it is not a connected leg of the caller's own worker (already ended, or
     * somebody else's), 403 without a TaskRouter worker.
     */
    public static final String LEG_ABANDONED = "/api/me/legs/{sid}/abandoned";

    // Supervisor listen and whisper (issue 18 item 3): {sid} is the conference of the agent's live call, as the
    // supervisor snapshot's agent row names it. Supervisors only (403 otherwise); 404 for a call the server does not know.

    /**
     * POST (no body) → 202: the server dials the supervisor's softphone into the call, muted and coaching the agent:
     * the supervisor hears both sides, nobody hears the supervisor. Already on the call: back to listening. 409 when no
     * agent is on the call (a recovery is under way) or the supervisor has no softphone.
     */
    public static final String LISTEN = "/api/supervisor/calls/{sid}/listen";
    /** POST (no body) → 202: the listening supervisor speaks to the agent alone; 409 when not on the call. */
    public static final String WHISPER = "/api/supervisor/calls/{sid}/whisper";
    /** POST (no body) → 202: the listening supervisor joins the conversation (customer and agent hear them); 409 when not on the call. */
    public static final String BARGE = "/api/supervisor/calls/{sid}/barge";
    /** POST (no body) → 202: the supervisor's leg leaves the call (nothing to do when it is not there). */
    public static final String LEAVE_CALL = "/api/supervisor/calls/{sid}/leave";
    /**
     * The caller ({@code From}) of the server's listen call to a supervisor's softphone: a supervisor's desktop answers a
     * ringing call from it, and only after asking to listen; it answers nothing else.
     */
    public static final String LISTEN_CALLER = "lifeline-listen";

    // Issue 18 item 2: parties and transfers, each on the caller's own call (404 for anyone else's, as an unknown one),
    // agents only (403 for a supervisor without a worker). 400 for bad input (a number that is not E.164), 404 for an
    // unknown party, agent or queue, 409 when the call is not in a state that allows it (no transfer under way, the
    // target agent not Available, a transfer already under way).

    /** POST {@code AddParty} → 204: a number is dialled into the call; an agent is offered a task to join it. */
    public static final String ADD_PARTY = "/api/conferences/{sid}/parties";
    /** POST {@code RemoveParty} → 204: another party's leg is hung up (not the agent's own, not the customer's). */
    public static final String REMOVE_PARTY = "/api/conferences/{sid}/parties/remove";
    /** POST {@code TransferCall} → 204: a cold or warm transfer to an agent, or a cold one to a queue, starts. */
    public static final String TRANSFER = "/api/conferences/{sid}/transfer";
    /** POST {@code CompleteTransfer} → 204: the warm transfer's target is on the call; the agent leaves. */
    public static final String COMPLETE_TRANSFER = "/api/conferences/{sid}/transfer/complete";
    /** POST {@code CancelTransfer} → 204: the warm transfer's target leaves; the customer comes off hold. */
    public static final String CANCEL_TRANSFER = "/api/conferences/{sid}/transfer/cancel";

    /**
     * Issue 20. POST {@code ScheduleCallback} → 201 {@code CallbackView}: the signed-in agent promises the customer a
     * call at a time (agents only). 400 naming the field for a number that is not E.164, a time that is past or outside
     * the contact centre's hours ({@code callbacks.hours}); 403 without a TaskRouter worker (a supervisor).
     * GET → {@code CallbackList}: the callbacks this agent scheduled.
     */
    public static final String MY_CALLBACKS = "/api/me/callbacks";
    /**
     * Issue 20 item 6. GET → {@code CallbackList}: the queue's callbacks for any signed-in user (agents and
     * supervisors): every one not yet done (scheduled, queued, dialling) and every FAILED one with its reason, soonest
     * due first; completed and cancelled ones are left out. 401 without a session.
     */
    public static final String QUEUE_CALLBACKS = "/api/callbacks";

    private DesktopApi() {
    }

    /**
     * A template with its single path parameter filled in, percent-encoded as a path segment:
     * {@code path(ACCEPT_RESERVATION, "WR123")} → {@code /api/reservations/WR123/accept}.
     */
    public static String path(String template, String value) {
        int open = template.indexOf('{');
        int close = template.indexOf('}', open);
        if (open < 0 || close < 0 || template.indexOf('{', close) >= 0) {
            throw new IllegalArgumentException("template: expected exactly one {parameter} in " + template);
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(template.substring(open + 1, close) + ": missing required field");
        }
        return template.substring(0, open) + encodeSegment(value) + template.substring(close + 1);
    }

    /** {@link #EVENTS} with a ticket as query parameter, e.g. for {@code ws://localhost:8080} + this. */
    public static String eventsWithTicket(String ticket) {
        return EVENTS + "?" + TICKET_PARAM + "=" + encodeSegment(ticket);
    }

    // RFC 3986 unreserved characters pass; everything else (incident ids contain ':') is %XX-encoded as UTF-8.
    private static String encodeSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
