package dev.lifeline.server.fuzz.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.testsupport.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #22 item 7 against the composed server: one token opened 300 sockets (each a snapshot from Twilio and map
 * scans) and the upgrade skipped every rate limit. Now a user has at most 3 sockets on a member (a fourth is refused,
 * the open ones are left alone), upgrades have their own budget per user, and the message budget is the user's, not
 * each socket's. Each test spends a different demo identity's budgets.
 */
class SocketLimitsTest {

    /** DesktopSocket's limits (package-private there). */
    private static final int MAX_SOCKETS_PER_USER = 3;
    private static final int UPGRADE_BURST = 10;
    private static final String HEARTBEAT = "{\"type\":\"heartbeat\",\"clientTime\":\"2026-11-25T22:00:00Z\"}";
    private static LimitsServer server;

    @BeforeAll
    static void start() {
        server = LimitsServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFourthSocketOfOneUserIsRefusedWith429AndTheOpenOnesStayOpen() throws Exception {
        String token = server.token("alice");
        List<SocketProbe> open = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < MAX_SOCKETS_PER_USER; i++) {
            SocketProbe probe = new SocketProbe();
            sockets.add(server.http.newWebSocketBuilder().buildAsync(server.events(token), probe).get(10, TimeUnit.SECONDS));
            Await.until("snapshot " + i, () -> !probe.messages.isEmpty(), Duration.ofSeconds(10));
            open.add(probe);
        }

        String refused = rawUpgrade(server.ticket(token));

        assertThat(refused).startsWith("HTTP/1.1 429").contains("Retry-After: 5");
        assertThat(open).allSatisfy(probe -> assertThat(probe.closed()).isFalse());

        sockets.get(0).abort();
        Await.until("a socket freed: the next desktop gets in", () -> {
            try {
                return rawUpgrade(server.ticket(token)).startsWith("HTTP/1.1 101");
            } catch (IllegalStateException noTicketYet) {
                return false; // the polling itself spent the REST budget for a moment
            }
        }, Duration.ofSeconds(20));
        sockets.forEach(WebSocket::abort);
    }

    @Test
    void manyConcurrentUpgradesOfOneUserLeaveAtMostThreeSocketsOpen() throws Exception {
        String token = server.token("bob");
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tickets.add(server.ticket(token));
        }
        List<SocketProbe> probes = new ArrayList<>();
        List<CompletableFuture<WebSocket>> upgrades = new ArrayList<>();
        for (String ticket : tickets) {
            SocketProbe probe = new SocketProbe();
            probes.add(probe);
            upgrades.add(server.http.newWebSocketBuilder().buildAsync(server.eventsWithTicket(ticket), probe));
        }
        List<WebSocket> opened = new ArrayList<>();
        int refusedAtUpgrade = 0;
        for (CompletableFuture<WebSocket> upgrade : upgrades) {
            try {
                opened.add(upgrade.get(20, TimeUnit.SECONDS));
            } catch (ExecutionException refused) {
                refusedAtUpgrade++;
            }
        }
        // A socket that raced past the upgrade check is closed (1008) before its snapshot: wait until each settled.
        for (int i = 0; i < probes.size(); i++) {
            SocketProbe probe = probes.get(i);
            if (upgrades.get(i).isCompletedExceptionally()) {
                continue;
            }
            Await.until("socket " + i + " settles", () -> probe.closed() || !probe.messages.isEmpty(), Duration.ofSeconds(20));
        }
        long stillOpen = probes.stream().filter(probe -> !probe.messages.isEmpty() && !probe.closed()).count();
        long closedAfterUpgrade = probes.stream().filter(SocketProbe::closed).count();
        System.out.printf("[limits] %d concurrent upgrades of one user: %d refused at the upgrade, %d closed after it, %d open%n",
                tickets.size(), refusedAtUpgrade, closedAfterUpgrade, stillOpen);
        assertThat(stillOpen).isBetween(1L, (long) MAX_SOCKETS_PER_USER);
        assertThat(probes).filteredOn(SocketProbe::closed).allSatisfy(probe -> assertThat(probe.closeCode.getNow(0)).isEqualTo(1008));
        opened.forEach(WebSocket::abort);
    }

    @Test
    void upgradesHaveTheirOwnBudgetPerUser() {
        String token = server.token("sam");
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < UPGRADE_BURST + 5; i++) {
            answers.add(rawUpgrade(server.ticket(token)));
        }

        // The socket cap answers Retry-After: 5; the upgrade budget refills one a second.
        assertThat(answers).anySatisfy(answer -> assertThat(answer).startsWith("HTTP/1.1 429").contains("Retry-After: 1\r\n"));
        assertThat(answers.stream().filter(answer -> answer.startsWith("HTTP/1.1 101")).count())
                .isLessThanOrEqualTo(UPGRADE_BURST + 2);
    }

    @Test
    void theMessageBudgetIsTheUsersSoASecondSocketDoesNotDoubleIt() throws Exception {
        String token = server.token("bob");
        SocketProbe floodProbe = new SocketProbe();
        SocketProbe quietProbe = new SocketProbe();
        WebSocket flood = openOnceAllowed(token, floodProbe);
        WebSocket quiet = openOnceAllowed(token, quietProbe);
        Await.until("both snapshots", () -> !floodProbe.messages.isEmpty() && !quietProbe.messages.isEmpty(), Duration.ofSeconds(10));

        // The quiet socket sends fewer messages than one socket's burst: on a budget of its own it would never be refused.
        for (int i = 0; i < 400 && !floodProbe.closed(); i++) {
            try {
                flood.sendText(HEARTBEAT, true).get(10, TimeUnit.SECONDS);
                if (i % 5 == 0) {
                    quiet.sendText(HEARTBEAT, true).get(10, TimeUnit.SECONDS);
                }
            } catch (ExecutionException closedUnderUs) {
                break;
            }
        }

        Await.until("the quiet socket is told the user is over budget",
                () -> quietProbe.messages.stream().anyMatch(m -> m.contains("\"type\":\"error\"") && m.contains("429")), Duration.ofSeconds(20));
        flood.abort();
        quiet.abort();
    }

    @Test
    void anUpgradeLeavesNoServletSessionBehind() {
        // Javalin opens a servlet session for every upgrade request, refused or not; each would stay in Jetty's memory.
        String first = rawUpgrade("A".repeat(43));
        String cookie = sessionCookie(first);

        String second = rawUpgrade("A".repeat(43), "Cookie: " + cookie + "\r\n");

        assertThat(first).startsWith("HTTP/1.1 401");
        // Had the first session lived on, Jetty would have found it by its cookie and set none.
        assertThat(sessionCookie(second)).as("the first session is gone, so a new one was made")
                .isNotEqualTo("none").isNotEqualTo(cookie);
    }

    private static String sessionCookie(String answer) {
        java.util.regex.Matcher cookie = java.util.regex.Pattern.compile("Set-Cookie: (JSESSIONID=[^;\r\n]+)").matcher(answer);
        return cookie.find() ? cookie.group(1) : "none";
    }

    /** Opens a socket, waiting out the user's upgrade budget and socket cap if an earlier test spent them. */
    private static WebSocket openOnceAllowed(String token, SocketProbe probe) {
        WebSocket[] opened = new WebSocket[1];
        Await.until("an upgrade is allowed", () -> {
            try {
                opened[0] = server.http.newWebSocketBuilder().buildAsync(server.events(token), probe).get(10, TimeUnit.SECONDS);
                return true;
            } catch (ExecutionException | IllegalStateException refusedOrNoTicketYet) {
                return false; // 429 at the upgrade, or at the ticket once the polling spent the REST budget
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(30));
        return opened[0];
    }

    /** The upgrade over a plain socket, so a refusal's headers and body can be read: the status line, headers and body. */
    private static String rawUpgrade(String ticket) {
        return rawUpgrade(ticket, "");
    }

    private static String rawUpgrade(String ticket, String moreHeaders) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/events?ticket=" + ticket + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n" + moreHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            int read;
            // Up to the end of the headers, and of the body a refusal announces with its Content-Length.
            while ((read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                String text = answer.toString();
                int headersEnd = text.indexOf("\r\n\r\n");
                if (headersEnd >= 0) {
                    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
                    int body = length.find() ? Integer.parseInt(length.group(1)) : 0;
                    if (text.length() - headersEnd - 4 >= body) {
                        break;
                    }
                }
            }
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
