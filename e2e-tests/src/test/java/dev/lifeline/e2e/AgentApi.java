package dev.lifeline.e2e;

import dev.lifeline.model.agent.Activity;
import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.LoginRequest;
import dev.lifeline.model.auth.LoginResponse;
import dev.lifeline.model.codec.JsonCodec;
import dev.lifeline.model.command.AcceptReservation;
import dev.lifeline.model.command.SetActivity;
import dev.lifeline.model.event.StateSnapshot;
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
 */
final class AgentApi {

    private static final JsonCodec JSON = JsonCodec.shared();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

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

    StateSnapshot state() {
        return JSON.decode(send(DesktopApi.MY_STATE, null, 200), StateSnapshot.class);
    }

    private String send(String path, String jsonBody, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header(DesktopApi.AUTHORIZATION_HEADER, DesktopApi.BEARER_PREFIX + token);
        }
        if (jsonBody == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
