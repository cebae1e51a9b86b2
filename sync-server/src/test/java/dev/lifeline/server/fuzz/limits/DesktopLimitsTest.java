package dev.lifeline.server.fuzz.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.http.DesktopRateLimit;
import dev.lifeline.server.testsupport.Await;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #7 item 8 against the composed server: oversized bodies (413), a per-identity request budget on the
 * desktop REST API (429 + Retry-After), a per-connection message budget on the events socket (an {@code error}
 * event, then 1008), and oversized socket frames (1009). Each test spends a different demo identity's budget.
 *
 * <p>The budgets are held still (they never refill): on wall time, a machine too loaded to send faster than the
 * refill rate was never refused, and a socket flood could break into several streaks. Held still, the burst is served
 * and everything after it is refused, exactly, at any speed.
 */
class DesktopLimitsTest {

    private static final String BIG = "x".repeat(100 * 1024);
    /** DesktopSocket.MESSAGE_BURST (package-private there): messages a socket may send at once before refusals. */
    private static final int SOCKET_BURST = 100;
    /** DesktopSocket.REFUSALS_BEFORE_CLOSE: refused messages in a row after which the socket is closed with 1008. */
    private static final int REFUSALS_BEFORE_CLOSE = 100;
    private static LimitsServer server;

    @BeforeAll
    static void start() {
        server = LimitsServer.startWithBudgetsHeldStill();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anOversizedDesktopCommandIsRefusedWith413AndChangesNothing() {
        String token = server.token("bob");

        HttpResponse<String> response = server.send(server.to("/api/reservations/WR0123/accept")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"accept\",\"reservationSid\":\"WR0123\",\"pad\":\"" + BIG + "\"}")));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(server.send(server.to("/api/me/state").header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);
    }

    @Test
    void anOversizedWebhookIsRefusedWith413BeforeItsSignatureIsChecked() {
        HttpResponse<String> response = server.send(server.to("/webhooks/conference")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("ConferenceSid=CF1&FriendlyName=" + BIG)));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aDesktopOverItsRequestBudgetIsAnswered429WithRetryAfterWhileOthersAreStillServed() {
        String sam = server.token("sam");
        int attempts = 3 * DesktopRateLimit.BURST;

        // All at once, though with the budget held still the order and pace do not matter.
        List<HttpResponse<String>> responses = IntStream.range(0, attempts)
                .mapToObj(i -> server.http.sendAsync(server.to("/api/supervisor/snapshot").header("Authorization", "Bearer " + sam)
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 429);
        assertThat(attempts - refused.size()).as("served: the burst").isEqualTo(DesktopRateLimit.BURST);
        assertThat(refused).as("refused: everything after the burst").hasSize(attempts - DesktopRateLimit.BURST);
        assertThat(refused.get(0).headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refused.get(0).body()).contains("\"status\":429").contains("Too many requests");
        String alice = server.token("alice");
        assertThat(server.send(server.to("/api/me/state").header("Authorization", "Bearer " + alice)).statusCode())
                .as("another identity keeps its own budget").isEqualTo(200);
        System.out.printf("[limits] %d concurrent requests of one identity: %d served, %d refused with 429%n",
                attempts, attempts - refused.size(), refused.size());
    }

    @Test
    void aSocketThatFloodsMessagesGetsOneErrorEventAndIsThenClosedWith1008() throws Exception {
        SocketProbe probe = new SocketProbe();
        WebSocket socket = server.http.newWebSocketBuilder().buildAsync(server.events(server.token("alice")), probe)
                .get(10, TimeUnit.SECONDS);
        Await.until("the snapshot", () -> !probe.messages.isEmpty());

        // Exactly what it takes: the burst, then the refusals in a row after which the server closes. Sending on past
        // that raced the close (a write into a connection the server had shut ends the client with "Broken pipe").
        int flood = SOCKET_BURST + REFUSALS_BEFORE_CLOSE;
        for (int sent = 0; sent < flood; sent++) {
            socket.sendText("{\"type\":\"heartbeat\",\"clientTime\":\"2026-11-25T22:00:00Z\"}", true).get(10, TimeUnit.SECONDS);
        }
        Await.until("the close", probe::closed);

        assertThat(probe.closeCode.get()).isEqualTo(1008);
        long errors = probe.messages.stream().filter(m -> m.contains("\"type\":\"error\"") && m.contains("429")).count();
        assertThat(errors).as("error events: one per streak of refused messages, not one per message").isOne();
        System.out.printf("[limits] socket flood: closed with 1008 after %d messages, %d error events%n", flood, errors);
    }

    @Test
    void aSocketFrameOverTheLimitIsClosedWith1009() throws Exception {
        SocketProbe probe = new SocketProbe();
        WebSocket socket = server.http.newWebSocketBuilder().buildAsync(server.events(server.token("bob")), probe)
                .get(10, TimeUnit.SECONDS);
        Await.until("the snapshot", () -> !probe.messages.isEmpty());

        socket.sendText("{\"type\":\"heartbeat\",\"pad\":\"" + BIG + "\"}", true);
        Await.until("the connection ends", probe::closed);

        // The server closes with 1009 as soon as it has read the frame's length; a client still writing the rest of
        // the frame may then have its write refused ("Broken pipe") before it reads the close frame (seen once in
        // CI). Either way the oversized frame ended the connection and was not served.
        try {
            assertThat(probe.closeCode.get()).isEqualTo(1009);
        } catch (ExecutionException refusedWrite) {
            assertThat(refusedWrite.getCause()).isInstanceOf(IOException.class);
        }
    }
}
