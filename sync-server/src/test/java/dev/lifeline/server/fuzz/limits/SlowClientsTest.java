package dev.lifeline.server.fuzz.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.http.SlowClientLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow clients cannot exhaust the server: many loopback connections that stall half-way through their request
 * (a body promised and never sent, or headers never finished) do not stop the server answering a normal
 * request, and the server lets go of them after its idle timeout. Latencies are printed for the report; the only
 * time bound asserted is a generous deadline.
 *
 * <p>The CI run stalls far more bodies than Jetty has request threads (250): bodies are read ahead without a thread
 * ({@link dev.lifeline.server.http.BodyReadAhead}), so they cannot pin the pool. {@code -Dlimits.stalledBodies=N}
 * runs it bigger.
 */
class SlowClientsTest {

    private static final int STALLED_BODIES = Integer.getInteger("limits.stalledBodies", 600);
    private static final int STALLED_HEADERS = 48;
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
    void stalledClientsDoNotStopTheServerAnsweringOthersAndAreDisconnected() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED_BODIES; i++) {
                // The webhook reads the form body before anything else: each of these pins a request thread.
                stalled.add(open("POST /webhooks/conference HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\nConferenceSid=CF"));
            }
            for (int i = 0; i < STALLED_HEADERS; i++) {
                stalled.add(open("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
            }

            long started = System.nanoTime();
            HttpResponse<String> health = server.send(server.to("/health"));
            long healthMillis = (System.nanoTime() - started) / 1_000_000;

            System.out.printf("[limits] %d stalled connections: /health answered %d in %d ms%n", stalled.size(),
                    health.statusCode(), healthMillis);
            assertThat(health.statusCode()).isEqualTo(200);
            // Answered while the stalled clients still hold their connections, not once the idle timeout freed threads.
            assertThat(stillOpen(stalled)).as("stalled connections still open when /health answered").isEqualTo(stalled.size());
            // A request with a body still gets through, its body intact after being read ahead.
            assertThat(server.token("alice")).as("a sign-in while the server is flooded").isNotBlank();

            started = System.nanoTime();
            long deadline = started + 3_000_000 * SlowClientLimits.IDLE_TIMEOUT_MS;
            int released = 0;
            for (Socket socket : stalled) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    break;
                }
                socket.setSoTimeout((int) remainingMillis);
                if (drainedToEnd(socket.getInputStream())) {
                    released++;
                }
            }
            long releasedMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("[limits] %d of %d stalled connections closed by the server within %d ms (idle timeout %d ms)%n",
                    released, stalled.size(), releasedMillis, SlowClientLimits.IDLE_TIMEOUT_MS);

            assertThat(released).as("stalled connections the server closed").isEqualTo(stalled.size());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aClientTricklingItsBodyToDodgeTheIdleTimeoutIsRefusedAtTheBodyDeadline() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = open("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n{")) {
            OutputStream out = socket.getOutputStream();
            // One byte per second keeps the connection well inside the idle timeout; that is the attack.
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closedByServer) {
                    trickle.shutdown();
                }
            }, 1, 1, TimeUnit.SECONDS);
            socket.setSoTimeout((int) (3 * SlowClientLimits.BODY_DEADLINE_MS));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("application/problem+json").contains("\"status\":408");
        } finally {
            trickle.shutdownNow();
        }
    }

    private static Socket open(String partialRequest) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        OutputStream out = socket.getOutputStream();
        out.write(partialRequest.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static long stillOpen(List<Socket> sockets) throws IOException {
        long open = 0;
        for (Socket socket : sockets) {
            socket.setSoTimeout(1);
            try {
                if (socket.getInputStream().read() < 0) {
                    continue;
                }
            } catch (SocketTimeoutException nothingYet) {
                open++;
            } catch (IOException reset) {
                continue;
            }
        }
        return open;
    }

    /** @return true once the server ended the connection (whatever it answered first), false on our own timeout */
    private static boolean drainedToEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        try {
            while (in.read(buffer) >= 0) {
                // an error response (408/400) may come first; what matters is that the connection ends
            }
            return true;
        } catch (SocketTimeoutException stillHeld) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
