package dev.lifeline.server.fuzz.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.server.webhooks.WebhookRoutes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 21 item 5: a webhook whose declared Content-Length is already over the limit, sent with
 * {@code Expect: 100-continue}, is answered 413 at once — never {@code 100 Continue} first. The server used to
 * invite the body, refuse it half-way and close the connection, which reset it under the client about once in
 * twelve tries, with no status at all. The client here behaves as curl does: it sends the body only when
 * invited, and reads the final status after it; repeated so that a race would show.
 */
class ExpectContinueTest {

    private static final int TRIES = 50;
    private static final int FIVE_MEGABYTES = 5 * 1024 * 1024;
    private static final int READ_TIMEOUT_MS = 20_000;
    private static LimitsServer server;

    @BeforeAll
    static void start() {
        server = LimitsServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {WebhookRoutes.CONFERENCE_PATH, WebhookRoutes.TASKROUTER_PATH})
    void aWebhookDeclaredTooLargeIsRefusedWith413WithoutBeingInvitedToSendItsBody(String path) throws Exception {
        List<String> firstStatusLines = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            firstStatusLines.add(firstStatusLine(path));
        }

        assertThat(firstStatusLines).as("the first status line of each of %d tries", TRIES)
                .allSatisfy(line -> assertThat(line).startsWith("HTTP/1.1 413"));
    }

    /** The first status line the server sent; after a 100 the body is sent and what follows is appended. */
    private static String firstStatusLine(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "X-Twilio-Signature: c2lnbmF0dXJl\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + FIVE_MEGABYTES + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String first = String.valueOf(in.readLine());
            if (!first.startsWith("HTTP/1.1 100")) {
                return first;
            }
            return first + " then " + afterSendingTheBody(out, in);
        }
    }

    private static String afterSendingTheBody(OutputStream out, BufferedReader in) {
        try {
            while (!in.readLine().isEmpty()) {
                // the rest of the 100 response's head
            }
            byte[] block = new byte[64 * 1024];
            for (int sent = 0; sent < FIVE_MEGABYTES; sent += block.length) {
                out.write(block);
            }
            out.flush();
            return String.valueOf(in.readLine());
        } catch (SocketException reset) {
            return "connection reset: " + reset.getMessage();
        } catch (IOException | NullPointerException other) {
            return "no final status: " + other;
        }
    }
}
