package dev.lifeline.e2e;

import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.event.StateSnapshot;
import dev.lifeline.server.http.DesktopRateLimit;
import dev.lifeline.server.http.TooManyRequests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The server's desktop REST API with an agent's own token: what the desktop would send when the agent clicks.
 * The test uses it for the clicks a headless process cannot get (Available, Accept); the softphone that rings is
 * still the one inside the desktop process.
 *
 * <p>It spends the same per-identity request budget as the desktop process signed in as the same agent
 * ({@link DesktopRateLimit}: {@value DesktopRateLimit#PER_SECOND}/s, burst {@value DesktopRateLimit#BURST}), so it
 * keeps a pace of its own far below it, and a 429 is answered by waiting its Retry-After: the tests poll the agent's
 * state through {@link #state()} every 20 ms, which alone was 50 requests a second, refused by our own limiter (once
 * as the last error of a timed-out wait) and starving the desktop under test of its budget.
 */
final class AgentApi {

    private static final JsonCodec JSON = JsonCodec.shared();
    /** At most four requests a second: a fifth of the budget, the rest is the desktop's. */
    private static final Duration PACE = Duration.ofMillis(250);
    /** Refusals waited out before a request fails: our limiter answering 429 on and on is a defect to see. */
    private static final int MAX_REFUSALS = 3;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private long nextRequestAt = System.nanoTime();

    private AgentApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static AgentApi signIn(String baseUrl, String user, String password) {
        AgentApi anonymous = new AgentApi(baseUrl, null);
        String body = anonymous.send(DesktopApi.LOGIN, JSON.encode(new LoginRequest(user, password)), 200);
        return new AgentApi(baseUrl, JSON.decode(body, LoginResponse.class).token());
    }

    void setActivity(Activity activity) {
        send(DesktopApi.MY_ACTIVITY, JSON.encode(new SetActivity(activity)), 204);
    }

    void accept(String reservationSid) {
        send(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, reservationSid), JSON.encode(new AcceptReservation(reservationSid)), 204);
    }

    /** The desk's Complete after wrap-up: the task is done and the agent takes calls again. */
    void completeTask(String taskSid) {
        send(DesktopApi.path(DesktopApi.COMPLETE_TASK, taskSid),
                JSON.encode(new dev.lifeline.model.command.CompleteTask(taskSid)), 204);
    }

    StateSnapshot state() {
        return JSON.decode(send(DesktopApi.MY_STATE, null, 200), StateSnapshot.class);
    }

    /**
     * Calls {@code to} as the desk's Call button does; the server answers once the agent's leg is in and the number
     * rings, so the request may take the softphone's answer time.
     */
    dev.lifeline.model.outbound.CallPlaced placeCall(String to) {
        return JSON.decode(send(DesktopApi.MY_CALLS, JSON.encode(new dev.lifeline.model.outbound.PlaceCall(to)), 202,
                Duration.ofSeconds(45)), dev.lifeline.model.outbound.CallPlaced.class);
    }

    /**
     * Accepts as {@link #accept} does, waiting longer: a transfer's accept answers once the agent's softphone has
     * answered its leg into the customer's conference.
     */
    void acceptTransfer(String reservationSid) {
        send(DesktopApi.path(DesktopApi.ACCEPT_RESERVATION, reservationSid), JSON.encode(new AcceptReservation(reservationSid)),
                204, Duration.ofSeconds(45));
    }

    /** A call control of the desk's call card (issue 18 item 2): {@code template} filled with the conference SID. */
    void callControl(String template, String conferenceSid, dev.lifeline.model.command.ClientCommand command) {
        send(DesktopApi.path(template, conferenceSid), JSON.encode(command), 204);
    }

    /** Issue 19: {@code GET /api/supervisor/snapshot}, what a supervisor's panel shows (a supervisor's session only). */
    dev.lifeline.model.queue.QueueSnapshot supervisorSnapshot() {
        return JSON.decode(send(DesktopApi.SUPERVISOR_SNAPSHOT, null, 200), dev.lifeline.model.queue.QueueSnapshot.class);
    }

    /** The SIP account the server hands the signed-in user's phone ({@code GET /api/me/softphone}). */
    dev.lifeline.model.softphone.SoftphoneAccount softphone() {
        return JSON.decode(send(DesktopApi.MY_SOFTPHONE, null, 200), dev.lifeline.model.softphone.SoftphoneAccount.class);
    }

    /** A supervisor's request on an agent's live call ({@link DesktopApi#LISTEN} …): no body, 202. */
    void supervise(String template, String conferenceSid) {
        send(DesktopApi.path(template, conferenceSid), "", 202);
    }

    private String send(String path, String jsonBody, int expected) {
        return send(path, jsonBody, expected, Duration.ofSeconds(10));
    }

    private synchronized String send(String path, String jsonBody, int expected, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (token != null) {
            request.header(DesktopApi.AUTHORIZATION_HEADER, DesktopApi.BEARER_PREFIX + token);
        }
        if (jsonBody == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            for (int refusals = 0; ; refusals++) {
                keepPace();
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == TooManyRequests.STATUS && refusals < MAX_REFUSALS) {
                    pauseNanos(Duration.ofSeconds(response.headers().firstValueAsLong("Retry-After").orElse(1)).toNanos());
                    continue;
                }
                if (response.statusCode() != expected) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
                }
                return response.body();
            }
        } catch (IOException e) {
            throw new IllegalStateException(path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Holds a request back until {@link #PACE} has passed since the previous one. */
    private void keepPace() throws InterruptedException {
        pauseNanos(nextRequestAt - System.nanoTime());
        nextRequestAt = System.nanoTime() + PACE.toNanos();
    }

    private static void pauseNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)); // pacing requests, not waiting for an outcome
        }
    }
}
