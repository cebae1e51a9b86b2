package dev.lifeline.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.model.api.DesktopApi;
import dev.lifeline.model.auth.EventsTicket;
import dev.lifeline.model.codec.JsonCodec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #22, low: an agent whose TaskRouter worker is missing got a 500 after the log said they had signed in, and
 * the events socket chose the supervisor's queue snapshot for anyone without a worker, so such an agent saw the
 * whole floor. carol is that agent (sim mode provisions workers for alice and bob only).
 */
class AgentWithoutWorkerTest {

    private static SignInServer server;

    @BeforeAll
    static void start() {
        server = new SignInServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theSignInIsRefusedWithAProblemBeforeTheLogSaysSignedIn() {
        int logBefore = server.authLog.list.size();

        HttpResponse<String> response = server.signIn("carol", "carol" + SignInServer.PASSWORD_SUFFIX, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("no TaskRouter worker").contains("carol");
        assertThat(server.authLogMessages().subList(logBefore, server.authLog.list.size()))
                .noneMatch(message -> message.contains("signed in"));
    }

    @Test
    void theEventsSocketChoosesBySupervisorRoleSoAnAgentWithoutAWorkerNeverSeesTheQueue() throws Exception {
        // A token carol could hold (say, from before her worker was deleted): signed by the server, role agent.
        String token = server.mintToken("carol");
        HttpResponse<String> ticket = server.send(server.to(DesktopApi.EVENTS_TICKET)
                .header(DesktopApi.AUTHORIZATION_HEADER, DesktopApi.BEARER_PREFIX + token).POST(HttpRequest.BodyPublishers.noBody()));
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();

        server.http.newWebSocketBuilder().buildAsync(URI.create(server.server.publicBaseUrl().replace("http", "ws")
                + DesktopApi.eventsWithTicket(JsonCodec.shared().decode(ticket.body(), EventsTicket.class).ticket())),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);

        assertThat(closed.get(20, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(received).noneMatch(message -> message.contains("\"type\":\"queue-snapshot\""));
        assertThat(received).anyMatch(message -> message.contains("\"type\":\"error\"") && message.contains("403"));
    }
}
